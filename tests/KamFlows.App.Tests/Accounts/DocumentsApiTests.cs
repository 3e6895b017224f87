using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Accounts;

public sealed class DocumentsApiTests(DocumentsApiTests.App app) : IClassFixture<DocumentsApiTests.App>
{
    /// <summary>Uploads up to 1 MiB here, JSON bodies up to the default 256 KiB: an upload between the two shows the exemption.</summary>
    public sealed class App : KamFlowsApp
    {
        public const int MaxUpload = 1024 * 1024;

        public App(Azurite azurite)
            : base(azurite) => Settings = new Dictionary<string, string?> { ["Dossiers:MaxUploadBytes"] = MaxUpload.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    /// <summary>A body without a length, as a chunked upload arrives.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private async Task<int> BlobCountAsync()
    {
        var count = 0;
        await foreach (var _ in app.Storage.Container(Storage.StorageLayout.DossierContainer).GetBlobsAsync(cancellationToken: Ct))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task An_upload_above_the_json_limit_is_stored_hashed_and_streamed_back_under_a_safe_name()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var bytes = Pdf(512 * 1024);

        var response = await world.As(world.KamA).PostAsync(
            $"/api/accounts/{account.Id}/documents?name={Uri.EscapeDataString("../../etc/Proposta <técnica>;rm -rf.PDF")}", Body(bytes, "application/pdf"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await app.ReadAsync<DossierDocument>(response);
        Assert.Equal("Proposta _técnica__rm -rf.pdf", document.FileName);
        Assert.Equal(bytes.Length, document.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Sha256);

        var download = await world.As(world.Director).GetAsync($"/api/accounts/{account.Id}/documents/{document.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Proposta _técnica__rm -rf.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));

        var list = await app.ReadAsync<global::KamFlows.App.Http.PagedList<DossierDocument>>(await world.As(world.KamA).GetAsync($"/api/accounts/{account.Id}/documents", Ct));
        Assert.Equal([document.Id], list.Items.Select(d => d.Id));
    }

    [Fact]
    public async Task A_json_body_above_the_json_limit_is_still_413()
    {
        var world = await AccountWorld.CreateAsync(app);
        var body = world.AccountBody(world.KamA, new string('x', 300 * 1024));

        var response = await world.As(world.KamA).PostAsJsonAsync("/api/accounts", body, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_above_its_limit_is_413_whether_its_length_is_declared_or_not_and_nothing_is_kept()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var before = await BlobCountAsync();

        var declared = await kam.PostAsync($"/api/accounts/{account.Id}/documents?name=big.pdf", Body(Pdf(App.MaxUpload + 1), "application/pdf"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("application/problem+json", declared.Content.Headers.ContentType?.MediaType);

        var chunked = new StreamContent(new UnknownLengthStream(Pdf((2 * App.MaxUpload) + 7)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var streamed = await kam.PostAsync($"/api/accounts/{account.Id}/documents?name=big.pdf", chunked, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);

        Assert.Equal(before, await BlobCountAsync());
        Assert.Empty((await app.ReadAsync<global::KamFlows.App.Http.PagedList<DossierDocument>>(await kam.GetAsync($"/api/accounts/{account.Id}/documents", Ct))).Items);
    }

    [Theory]
    [InlineData("application/zip", "PK\u0003\u0004zip")]
    [InlineData("application/x-msdownload", "MZ")]
    [InlineData("application/pdf", "\u0089PNG\r\n\u001a\nnot a pdf")] // declared PDF, content PNG
    [InlineData("text/plain", "MZ\0\0binary")] // declared text, content binary
    public async Task A_type_outside_the_allow_list_or_one_the_content_contradicts_is_415(string contentType, string content)
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var before = await BlobCountAsync();

        var response = await world.As(world.KamA).PostAsync(
            $"/api/accounts/{account.Id}/documents?name=file", Body(System.Text.Encoding.Latin1.GetBytes(content), contentType), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await BlobCountAsync());
    }

    [Theory]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\u0003\u0004docx", "offer.docx")]
    [InlineData("image/jpeg", "\u00ff\u00d8\u00ffjpeg", "photo.jpg")]
    [InlineData("text/csv", "period,amount\n2026-Q1,10\n", "sales.csv")]
    public async Task Allowed_types_are_stored_with_their_extension(string contentType, string content, string expectedName)
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);

        var response = await world.As(world.KamA).PostAsync(
            $"/api/accounts/{account.Id}/documents?name={Path.GetFileNameWithoutExtension(expectedName)}", Body(System.Text.Encoding.Latin1.GetBytes(content), contentType), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(expectedName, (await app.ReadAsync<DossierDocument>(response)).FileName);
    }
}
