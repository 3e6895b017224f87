using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Tests.Accounts;

public sealed class ContactsApiTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(AccountWorld World, string AccountId, Contact Contact)> AccountWithContactAsync()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA, world.CoKam);
        var response = await world.As(world.KamA).PostAsJsonAsync($"/api/accounts/{account.Id}/contacts", AccountWorld.ContactBody(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (world, account.Id, await app.ReadAsync<Contact>(response));
    }

    [Fact]
    public async Task The_team_adds_reads_and_changes_contacts_with_etags()
    {
        var (world, accountId, contact) = await AccountWithContactAsync();
        Assert.Equal(DecisionRole.DecisionMaker, contact.Role);
        Assert.True(contact.Active);

        var read = await world.As(world.CoKam).GetAsync($"/api/accounts/{accountId}/contacts/{contact.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!.Tag;
        var left = JsonSerializer.SerializeToNode(AccountWorld.ContactBody(), KamFlowsApp.Json)!.AsObject();
        left["active"] = false;
        left["attitude"] = "Critic";

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await world.As(world.KamA).PutAsJsonAsync($"/api/accounts/{accountId}/contacts/{contact.Id}", left, Ct)).StatusCode);
        using var put = AccountWorld.WithIfMatch(HttpMethod.Put, $"/api/accounts/{accountId}/contacts/{contact.Id}", etag, left);
        var changed = await app.ReadAsync<Contact>(await world.As(world.KamA).SendAsync(put, Ct));
        Assert.False(changed.Active);
        Assert.Equal(Attitude.Critic, changed.Attitude);

        var list = await app.ReadAsync<JsonElement>(await world.As(world.KamA).GetAsync($"/api/accounts/{accountId}/contacts", Ct));
        Assert.Equal([contact.Id], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_contact_with_bad_fields_is_a_400_naming_them_and_is_not_stored()
    {
        var (world, accountId, _) = await AccountWithContactAsync();

        var response = await world.As(world.KamA).PostAsJsonAsync($"/api/accounts/{accountId}/contacts", new
        {
            name = "",
            email = "not-an-email",
            phone = "call me",
            timeZone = "Nowhere/Land",
            role = "Boss",
            influence = 9,
            attitude = "Supporter",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var list = await app.ReadAsync<JsonElement>(await world.As(world.KamA).GetAsync($"/api/accounts/{accountId}/contacts", Ct));
        Assert.Single(list.GetProperty("items").EnumerateArray());

        var fieldsResponse = await world.As(world.KamA).PostAsJsonAsync($"/api/accounts/{accountId}/contacts", new
        {
            name = "",
            email = "not-an-email",
            phone = "call me",
            timeZone = "Nowhere/Land",
            role = "Influencer",
            influence = 9,
            attitude = "Supporter",
        }, Ct);
        var fields = (await fieldsResponse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToHashSet();
        Assert.Superset(new HashSet<string> { "name", "email", "phone", "timezone", "influence" }, fields);
    }

    [Fact]
    public async Task Soft_personal_data_is_the_teams_alone_and_every_read_is_audited()
    {
        var (world, accountId, contact) = await AccountWithContactAsync();
        var url = $"/api/accounts/{accountId}/contacts/{contact.Id}/soft-data";
        var written = await world.As(world.KamA).PutAsJsonAsync(url, new { birthday = "1980-05-17", hobbies = "Sailing", family = "Two children", values = "Punctuality" }, Ct);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await world.As(world.KamA).PutAsJsonAsync(url, new { hobbies = "Overwrite" }, Ct)).StatusCode);

        var read = await app.ReadAsync<SoftPersonalData>(await world.As(world.CoKam).GetAsync(url, Ct));
        Assert.Equal(new SoftPersonalData(new DateOnly(1980, 5, 17), "Sailing", "Two children", "Punctuality"), read);

        Assert.Equal(HttpStatusCode.Forbidden, (await world.As(world.Head).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.As(world.Director).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.AdminClient().GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.As(world.KamB).GetAsync(url, Ct)).StatusCode);

        var export = await app.ReadAsync<ContactExport>(await app.AdminClient().GetAsync($"/api/accounts/{accountId}/contacts/{contact.Id}/export", Ct));
        Assert.Contains(export.Audit, e => e.Action == PersonalDataAction.Read && e.ByUserId == world.CoKam.Id && e.ContactId == contact.Id);
        Assert.Contains(export.Audit, e => e.Action == PersonalDataAction.Written && e.ByUserId == world.KamA.Id);
        Assert.DoesNotContain(export.Audit, e => e.ByUserId == world.Head.Id);
    }

    [Fact]
    public async Task Kam_b_cannot_reach_kam_as_contacts_dossier_documents_or_soft_data()
    {
        var (world, accountId, contact) = await AccountWithContactAsync();
        var upload = new ByteArrayContent("hello"u8.ToArray());
        upload.Headers.ContentType = new("text/plain");
        var document = await app.ReadAsync<JsonElement>(await world.As(world.KamA).PostAsync($"/api/accounts/{accountId}/documents?name=notes.txt", upload, Ct));
        var documentId = document.GetProperty("id").GetString();
        var kamB = world.As(world.KamB);

        foreach (var url in new[]
        {
            $"/api/accounts/{accountId}/contacts",
            $"/api/accounts/{accountId}/contacts/{contact.Id}",
            $"/api/accounts/{accountId}/contacts/{contact.Id}/soft-data",
            $"/api/accounts/{accountId}/contacts/{contact.Id}/export",
            $"/api/accounts/{accountId}/interactions",
            $"/api/accounts/{accountId}/competitor-notes",
            $"/api/accounts/{accountId}/documents",
            $"/api/accounts/{accountId}/documents/{documentId}",
            $"/api/accounts/{accountId}/documents/{documentId}/link",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await kamB.GetAsync(url, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await kamB.PostAsJsonAsync($"/api/accounts/{accountId}/contacts", AccountWorld.ContactBody(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kamB.PutAsJsonAsync($"/api/accounts/{accountId}/contacts/{contact.Id}/soft-data", new { hobbies = "x" }, Ct)).StatusCode);
        using var other = new ByteArrayContent("x"u8.ToArray());
        other.Headers.ContentType = new("text/plain");
        Assert.Equal(HttpStatusCode.NotFound, (await kamB.PostAsync($"/api/accounts/{accountId}/documents?name=x.txt", other, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_interaction_log_keeps_complaints_open_until_closed_and_names_contacts()
    {
        var (world, accountId, contact) = await AccountWithContactAsync();
        var kam = world.As(world.KamA);
        var created = await kam.PostAsJsonAsync($"/api/accounts/{accountId}/interactions", new
        {
            kind = "Complaint",
            occurredAt = "2026-03-01T10:00:00-03:00",
            summary = "Late delivery of lot 42",
            contactIds = new[] { contact.Id },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var complaint = await app.ReadAsync<JsonElement>(created);
        Assert.Equal("Open", complaint.GetProperty("complaint").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await kam.PostAsJsonAsync($"/api/accounts/{accountId}/interactions", new
        {
            kind = "Call",
            occurredAt = "2026-03-01T10:00:00-03:00",
            summary = "Who is this",
            contactIds = new[] { "nobody" },
        }, Ct)).StatusCode);

        var log = await app.ReadAsync<JsonElement>(await kam.GetAsync($"/api/accounts/{accountId}/interactions", Ct));
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal("Ana Souza", entry.GetProperty("contacts")[0].GetProperty("name").GetString());

        using var close = AccountWorld.WithIfMatch(HttpMethod.Post, $"/api/accounts/{accountId}/interactions/{complaint.GetProperty("id").GetString()}/close", created.Headers.ETag!.Tag);
        var closed = await app.ReadAsync<JsonElement>(await kam.SendAsync(close, Ct));
        Assert.Equal("Closed", closed.GetProperty("complaint").GetString());
    }

    [Fact]
    public async Task The_subject_access_export_holds_everything_on_the_contact_and_is_for_the_team_or_an_administrator()
    {
        var (world, accountId, contact) = await AccountWithContactAsync();
        var kam = world.As(world.KamA);
        await kam.PutAsJsonAsync($"/api/accounts/{accountId}/contacts/{contact.Id}/soft-data", new { hobbies = "Chess" }, Ct);
        await kam.PostAsJsonAsync($"/api/accounts/{accountId}/interactions", new { kind = "Visit", occurredAt = "2026-02-27T15:00:00Z", summary = "Plant tour", contactIds = new[] { contact.Id } }, Ct);
        await kam.PostAsJsonAsync($"/api/accounts/{accountId}/interactions", new { kind = "Call", occurredAt = "2026-02-28T15:00:00Z", summary = "Someone else", contactIds = Array.Empty<string>() }, Ct);
        using var letter = new ByteArrayContent("%PDF-1.7 letter"u8.ToArray());
        letter.Headers.ContentType = new("application/pdf");
        Assert.Equal(HttpStatusCode.Created, (await kam.PostAsync($"/api/accounts/{accountId}/documents?name=letter.pdf&contactId={contact.Id}", letter, Ct)).StatusCode);

        var response = await kam.GetAsync($"/api/accounts/{accountId}/contacts/{contact.Id}/export", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await app.ReadAsync<ContactExport>(response);
        Assert.Equivalent(contact, export.Contact, strict: true);
        Assert.Equal("Chess", export.SoftPersonalData?.Hobbies);
        Assert.Equal(["Plant tour"], export.Interactions.Select(i => i.Summary));
        Assert.Equal(["letter.pdf"], export.Documents.Select(d => d.FileName));
        Assert.Contains(export.Audit, e => e.Action == PersonalDataAction.Exported && e.ByUserId == world.KamA.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.As(world.Head).GetAsync($"/api/accounts/{accountId}/contacts/{contact.Id}/export", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.As(world.Director).GetAsync($"/api/accounts/{accountId}/contacts/{contact.Id}/export", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.AdminClient().GetAsync($"/api/accounts/{accountId}/contacts/{contact.Id}/export", Ct)).StatusCode);
    }
}
