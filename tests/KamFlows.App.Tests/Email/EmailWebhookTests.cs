using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Email;
using KamFlows.App.Features.Users;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Email;

namespace KamFlows.App.Tests.Email;

/// <summary>SendGrid's signed Event Webhook: a bounce with a valid signature marks the address and tells the process; an invalid one changes nothing.</summary>
public sealed class EmailWebhookTests(MailApp app) : IClassFixture<MailApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostAsync(string body, ECDsa signer) => app.PostEventsAsync(body, signer);

    private string Event(string kind, string email, string key, string? process, string recipient, string? bounceEvent) => JsonSerializer.Serialize(new[]
    {
        new Dictionary<string, object?>
        {
            ["email"] = email,
            ["timestamp"] = app.Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["event"] = kind,
            ["reason"] = "550 5.1.1 The email account that you tried to reach does not exist",
            ["sg_event_id"] = Guid.NewGuid().ToString("N"),
            [EmailTags.Key] = key,
            [EmailTags.Process] = process,
            [EmailTags.Recipient] = recipient,
            [EmailTags.BounceEvent] = bounceEvent,
        },
        new Dictionary<string, object?> { ["email"] = email, ["event"] = "delivered", ["timestamp"] = 1 },
    });

    [Fact]
    public async Task A_signed_bounce_marks_the_contact_and_tells_the_process_once_and_an_unsigned_one_changes_nothing()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var contact = await app.ReadAsync<Contact>(await world.As(world.KamA).PostAsJsonAsync($"/api/accounts/{account.Id}/contacts",
            new { name = "Ana Souza", email = "gone@customer.test", language = "pt-BR", role = "User", influence = 2, attitude = "Neutral" }, Ct));
        var processId = await app.StartErrandAsync(new Errand.Write(new SendEmail("documents", EmailRecipient.Contact(account.Id, contact.Id),
            NotificationCategory.Message, AccountId: account.Id, BounceEvent: "bounced")));
        var sent = Assert.Single(app.Capture.MailTo("gone@customer.test")).GetProperty("custom_args");
        var body = Event("bounce", "gone@customer.test", sent.GetProperty(EmailTags.Key).GetString()!, sent.GetProperty(EmailTags.Process).GetString(),
            sent.GetProperty(EmailTags.Recipient).GetString()!, sent.GetProperty(EmailTags.BounceEvent).GetString());
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var contactUrl = $"/api/accounts/{account.Id}/contacts/{contact.Id}";

        var forged = await PostAsync(body, stranger);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        using (var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/sendgrid") { Content = new StringContent(body, Encoding.UTF8, "application/json") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient().SendAsync(unsigned, Ct)).StatusCode);
        }

        Assert.Null((await app.ReadAsync<Contact>(await world.As(world.KamA).GetAsync(contactUrl, Ct))).EmailBouncedAt);
        Assert.DoesNotContain(await app.HeardAsync(processId), h => h.StartsWith("email ", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, app.WebhookKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, app.WebhookKey)).StatusCode); // SendGrid delivers at least once

        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds(), (await app.ReadAsync<Contact>(await world.As(world.KamA).GetAsync(contactUrl, Ct))).EmailBouncedAt?.ToUnixTimeSeconds());
        Assert.Equal([$"email {processId}.1.0 bounce"], (await app.HeardAsync(processId)).Where(h => h.StartsWith("email ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_batch_larger_than_the_apis_json_limit_is_taken()
    {
        var user = await app.UserAsync("batch", "Europe/Lisbon", "pt-PT");
        var delivered = Enumerable.Range(0, 3000).Select(i => $"{{\"email\":\"{user.Email}\",\"event\":\"delivered\",\"timestamp\":{i},\"sg_event_id\":\"{Guid.NewGuid():N}\"}}");
        var bounce = Event("bounce", user.Email, "k-batch", null, $"user:{user.Id}", null)[1..^1];
        var body = "[" + string.Join(',', delivered.Append(bounce)) + "]";
        Assert.True(body.Length > 300_000);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, app.WebhookKey)).StatusCode);

        Assert.NotNull((await app.ReadAsync<User>(await app.AdminClient().GetAsync($"/api/users/{user.Id}", Ct))).EmailBouncedAt);
    }

    [Fact]
    public async Task A_signed_drop_marks_the_user_while_the_address_is_still_theirs()
    {
        var user = await app.UserAsync("dropped", "Europe/Lisbon", "pt-PT");
        var other = await app.UserAsync("other", "Europe/Lisbon", "pt-PT");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Event("dropped", user.Email, "k1", null, $"user:{user.Id}", null), app.WebhookKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Event("spamreport", "old-address@company.test", "k2", null, $"user:{other.Id}", null), app.WebhookKey)).StatusCode);

        Assert.NotNull((await app.ReadAsync<User>(await app.AdminClient().GetAsync($"/api/users/{user.Id}", Ct))).EmailBouncedAt);
        Assert.Null((await app.ReadAsync<User>(await app.AdminClient().GetAsync($"/api/users/{other.Id}", Ct))).EmailBouncedAt);
    }
}
