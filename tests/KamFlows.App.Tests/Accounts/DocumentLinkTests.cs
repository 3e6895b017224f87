using System.Net;
using System.Net.Http.Headers;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Accounts;

/// <summary>
/// Download links are checked by Azurite against its own (real) clock, so this class moves the app's
/// fake clock to the real time first; it has a fixture of its own so no other test sees the jump.
/// </summary>
public sealed class DocumentLinkTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_link_reads_the_document_straight_from_storage_and_cannot_write()
    {
        if (app.Clock.GetUtcNow() < DateTimeOffset.UtcNow)
        {
            app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        }

        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var bytes = "%PDF-1.7 tender file"u8.ToArray();
        var upload = new ByteArrayContent(bytes);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var document = await app.ReadAsync<DossierDocument>(await world.As(world.KamA).PostAsync($"/api/accounts/{account.Id}/documents?name=tender.pdf", upload, Ct));

        var link = await app.ReadAsync<DocumentLink>(await world.As(world.Head).GetAsync($"/api/accounts/{account.Id}/documents/{document.Id}/link", Ct));

        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), link.ExpiresAt);
        Assert.Contains("sp=r", link.Url.Query, StringComparison.Ordinal);
        using var storage = new HttpClient();
        var download = await storage.GetAsync(link.Url, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("tender.pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var overwrite = new HttpRequestMessage(HttpMethod.Put, link.Url) { Content = new ByteArrayContent("tampered"u8.ToArray()) };
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(HttpStatusCode.Forbidden, (await storage.SendAsync(overwrite, Ct)).StatusCode);
    }
}
