using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Email;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Email;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Email;

/// <summary>Without a SendGrid key, in Development, email goes to the development mailbox, kept in storage and shown at /dev/mailbox.</summary>
public sealed class DevelopmentMailboxTests(KamFlowsApp app, Azurite azurite) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_mailbox_page_shows_each_email_escaped_with_its_links_clickable_and_its_html_sandboxed()
    {
        Assert.IsType<DevelopmentMailbox>(app.Services.GetRequiredService<IMailer>());
        var world = await AccountWorld.CreateAsync(app);
        var kam = await People.CreateAsync(app.AdminClient(), People.UniqueEmail("kam"), "Kam");
        var account = await world.AccountOfAsync(world.KamA);
        var contact = await app.ReadAsync<Contact>(await world.As(world.KamA).PostAsJsonAsync($"/api/accounts/{account.Id}/contacts",
            new { name = "<script>alert(1)</script>", email = "x@customer.test", language = "en", role = "User", influence = 1, attitude = "Neutral" }, Ct));
        var postman = app.Services.GetRequiredService<Postman>();

        await postman.SendAsync(new SendEmail("documents", EmailRecipient.Contact(account.Id, contact.Id), NotificationCategory.Message, AccountId: account.Id), "mailbox-1", null, Ct);
        await postman.SendAsync(new SendEmail("reminder", EmailRecipient.User(kam.Id), NotificationCategory.Reminder,
            new Dictionary<string, string> { ["what"] = "Call \"A\" & B", ["due"] = "2026-03-03", ["link"] = "https://kamflows.test/app/tasks?x=1&y=2" }), "mailbox-2", null, Ct);

        var response = await app.CreateClient().GetAsync("/dev/mailbox", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;x@customer.test&gt;", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://kamflows.test/app/tasks?x=1&amp;y=2\" target=\"_blank\"", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Lembrete: Call &quot;A&quot; &amp; B</h2>", page, StringComparison.Ordinal);
        Assert.Contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"&lt;!DOCTYPE html&gt;", page, StringComparison.Ordinal);

        // Kept in storage: a new app on the same storage (a restart) still shows them.
        await using var restarted = new KamFlowsApp(azurite) { Prefix = app.Prefix };
        Assert.Contains("Lembrete: Call &quot;A&quot; &amp; B", await restarted.CreateClient().GetStringAsync("/dev/mailbox", Ct), StringComparison.Ordinal);
    }
}
