using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Email;

namespace KamFlows.App.Tests.Email;

/// <summary>
/// Reminders at once or in a digest at 08:00 on the user's clock, across the night Lisbon moves to
/// summer time (29 March 2026, 01:00 UTC): that day's 08:00 in Lisbon is 07:00 UTC, not 08:00.
/// Escalations and approval requests never wait.
/// </summary>
public sealed class DigestTests(MailApp app) : IClassFixture<MailApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SendEmail Reminder(string userId, string what, NotificationCategory category = NotificationCategory.Reminder) =>
        new("reminder", EmailRecipient.User(userId), category, new Dictionary<string, string> { ["what"] = what, ["due"] = "2026-03-30", ["link"] = "https://kamflows.test/app/tasks" });

    private async Task RunTimersAsync()
    {
        await app.SweepAsync();
        await app.DeliverWorkAsync();
    }

    [Fact]
    public async Task A_digest_reader_gets_reminders_at_eight_local_time_across_the_dst_change_and_everything_else_at_once()
    {
        var lisbon = await app.UserAsync("lisbon", "Europe/Lisbon", "pt-PT");
        var london = await app.UserAsync("london", "Europe/London", "en");
        var choose = await app.ClientFor(lisbon.Email).PutAsJsonAsync("/api/me/notification-preferences", new { reminders = "DailyDigest" }, Ct);
        Assert.Equal("DailyDigest", (await app.ReadAsync<JsonElement>(choose)).GetProperty("reminders").GetString());
        Assert.Equal("Immediate", (await app.ReadAsync<JsonElement>(await app.ClientFor(london.Email).GetAsync("/api/me/notification-preferences", Ct))).GetProperty("reminders").GetString());

        // Saturday 28 March 2026, 10:00 UTC (10:00 in Lisbon and in London, both still on winter time).
        app.Clock.Advance(new DateTimeOffset(2026, 3, 28, 10, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        await app.StartErrandAsync(new Errand.Write(Reminder(lisbon.Id, "Ligar ao Hospital <Norte>")));
        await app.StartErrandAsync(new Errand.Write(Reminder(lisbon.Id, "Rever o plano")));
        await app.StartErrandAsync(new Errand.Write(Reminder(london.Id, "Call Hospital North")));
        await app.StartErrandAsync(new Errand.Write(Reminder(lisbon.Id, "Aprovação em atraso", NotificationCategory.Escalation)));

        Assert.Single(app.Capture.MailTo(london.Email));
        var atOnce = Assert.Single(app.Capture.MailTo(lisbon.Email));
        Assert.Equal("Lembrete: Aprovação em atraso", atOnce.GetProperty("subject").GetString());

        // 06:59 UTC on the 29th is 07:59 in Lisbon (summer time since 01:00 UTC): not yet.
        app.Clock.Advance(new DateTimeOffset(2026, 3, 29, 6, 59, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        await RunTimersAsync();
        Assert.Single(app.Capture.MailTo(lisbon.Email));

        // 07:00 UTC is 08:00 in Lisbon: the digest, once, with both reminders, HTML-escaped.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunTimersAsync();
        await RunTimersAsync();
        var mails = app.Capture.MailTo(lisbon.Email);
        Assert.Equal(2, mails.Count);
        var digest = mails[1];
        Assert.Equal("Os seus lembretes de 2026-03-29", digest.GetProperty("subject").GetString());
        var html = digest.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "text/html").GetProperty("value").GetString()!;
        Assert.Contains("<h2>Lembrete: Ligar ao Hospital &lt;Norte&gt;</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Lembrete: Rever o plano</h2>", html, StringComparison.Ordinal);
        Assert.False(digest.TryGetProperty("custom_args", out var args) && args.TryGetProperty("kf_process", out _));

        // A reminder after 08:00 waits for the next morning: 08:00 on the 30th is 07:00 UTC again.
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.StartErrandAsync(new Errand.Write(Reminder(lisbon.Id, "Enviar proposta")));
        app.Clock.Advance(new DateTimeOffset(2026, 3, 30, 6, 59, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        await RunTimersAsync();
        Assert.Equal(2, app.Capture.MailTo(lisbon.Email).Count);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunTimersAsync();
        var next = app.Capture.MailTo(lisbon.Email);
        Assert.Equal(3, next.Count);
        Assert.Contains("Enviar proposta", next[2].GetProperty("subject").GetString() + next[2].GetProperty("content")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Single(app.Capture.MailTo(london.Email));
    }

    [Fact]
    public void The_next_digest_is_at_eight_on_the_users_clock()
    {
        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), NotificationRules.NextDigestAt(new DateTimeOffset(2026, 3, 28, 10, 0, 0, TimeSpan.Zero), lisbon));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero), NotificationRules.NextDigestAt(new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.Zero), lisbon));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), NotificationRules.NextDigestAt(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), lisbon));
    }
}
