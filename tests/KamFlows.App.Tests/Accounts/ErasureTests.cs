using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Email;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Email;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Accounts;

/// <summary>
/// Erasure on real storage: a contact carries a unique marker in every field that can hold one, and
/// after the erasure no table row and no blob of this test class's storage holds it any more, the
/// development mailbox's copy of an email sent to them included.
/// </summary>
public sealed class ErasureTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erasing_a_contact_leaves_no_trace_of_them_in_any_table_or_blob_and_keeps_the_log_by_id()
    {
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..10];
        var phoneMarker = string.Concat(Guid.NewGuid().ToByteArray().Take(6).Select(b => (b % 10).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "73921";
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var contactsUrl = $"/api/accounts/{account.Id}/contacts";

        var created = await kam.PostAsJsonAsync(contactsUrl, new
        {
            name = $"Ana {marker}",
            jobTitle = $"Director {marker}",
            email = $"{marker}@customer.test",
            phone = $"+55 {phoneMarker}",
            language = "pt-BR",
            timeZone = "America/Recife",
            role = "DecisionMaker",
            influence = 4,
            attitude = "Champion",
            lastInteractionOn = "2026-02-01",
        }, Ct);
        var contact = await app.ReadAsync<Contact>(created);
        var bystander = await app.ReadAsync<Contact>(await kam.PostAsJsonAsync(contactsUrl, AccountWorld.ContactBody("Bruno Lima"), Ct));
        Assert.Equal(HttpStatusCode.OK, (await kam.PutAsJsonAsync($"{contactsUrl}/{contact.Id}/soft-data", new
        {
            birthday = "1975-09-30",
            hobbies = $"Golf with {marker}",
            family = $"Married to {marker}",
            values = $"Loyalty {marker}",
        }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kam.GetAsync($"{contactsUrl}/{contact.Id}/soft-data", Ct)).StatusCode);
        await kam.PostAsJsonAsync($"/api/accounts/{account.Id}/interactions", new
        {
            kind = "Meeting",
            occurredAt = "2026-02-25T14:00:00-03:00",
            summary = $"Met Ana {marker} and Bruno Lima; {marker} will call from +55 {phoneMarker} or write to {marker}@customer.test.",
            contactIds = new[] { contact.Id, bystander.Id },
        }, Ct);
        await kam.PostAsJsonAsync($"/api/accounts/{account.Id}/competitor-notes", new { competitor = "Rival SA", note = $"Rival courts {marker} with dinners." }, Ct);
        using (var cv = new ByteArrayContent(Encoding.UTF8.GetBytes($"Curriculum of Ana {marker}")))
        {
            cv.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            Assert.Equal(HttpStatusCode.Created, (await kam.PostAsync($"/api/accounts/{account.Id}/documents?name={marker}-cv.txt&contactId={contact.Id}", cv, Ct)).StatusCode);
        }

        using (var other = new ByteArrayContent("%PDF-1.7 price list"u8.ToArray()))
        {
            other.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            await kam.PostAsync($"/api/accounts/{account.Id}/documents?name=Price list for {marker}.pdf", other, Ct);
        }

        // An email to the contact: the development mailbox keeps it (the address, the subject and the body name them).
        await app.Services.GetRequiredService<Postman>().SendAsync(
            new SendEmail("documents", EmailRecipient.Contact(account.Id, contact.Id), NotificationCategory.Message, AccountId: account.Id), "erasure-email", null, Ct);
        var mailbox = await app.CreateClient().GetStringAsync("/dev/mailbox", Ct);
        Assert.Contains(marker, mailbox, StringComparison.Ordinal);
        Assert.Contains(await HitsAsync(marker), hit => hit.Contains("mailbox", StringComparison.Ordinal));

        Assert.NotEmpty(await HitsAsync(marker));
        Assert.NotEmpty(await HitsAsync(phoneMarker));

        Assert.Equal(HttpStatusCode.Forbidden, (await kam.PostAsync($"{contactsUrl}/{contact.Id}/erase", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.AdminClient().PostAsync($"{contactsUrl}/{contact.Id}/erase", null, Ct)).StatusCode);

        Assert.Empty(await HitsAsync(marker));
        Assert.Empty(await HitsAsync(phoneMarker));
        Assert.DoesNotContain(marker, await app.CreateClient().GetStringAsync("/dev/mailbox", Ct), StringComparison.Ordinal);

        var tombstone = await app.ReadAsync<Contact>(await kam.GetAsync($"{contactsUrl}/{contact.Id}", Ct));
        Assert.True(tombstone.Erased);
        Assert.Equal(Erased.Marker, tombstone.Name);
        var log = await app.ReadAsync<JsonElement>(await kam.GetAsync($"/api/accounts/{account.Id}/interactions", Ct));
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal([Erased.Marker, "Bruno Lima"], entry.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Contains(contact.Id, entry.GetProperty("interaction").GetProperty("contactIds").EnumerateArray().Select(c => c.GetString()));
        Assert.StartsWith("Met [erased] and Bruno Lima", entry.GetProperty("interaction").GetProperty("summary").GetString(), StringComparison.Ordinal);

        var export = await app.ReadAsync<ContactExport>(await app.AdminClient().GetAsync($"{contactsUrl}/{contact.Id}/export", Ct));
        Assert.Null(export.SoftPersonalData);
        Assert.Empty(export.Documents);
        Assert.Contains(export.Audit, e => e.Action == PersonalDataAction.Erased);
        Assert.Contains(export.Audit, e => e.Action == PersonalDataAction.Read && e.ByUserId == world.KamA.Id);
        Assert.Equal("Bruno Lima", (await app.ReadAsync<Contact>(await kam.GetAsync($"{contactsUrl}/{bystander.Id}", Ct))).Name);
        Assert.Equal(HttpStatusCode.Conflict, (await kam.PutAsJsonAsync($"{contactsUrl}/{contact.Id}/soft-data", new { hobbies = "again" }, Ct)).StatusCode);
    }

    private Task<List<string>> HitsAsync(string needle) => StorageSearch.HitsAsync(app, needle);
}
