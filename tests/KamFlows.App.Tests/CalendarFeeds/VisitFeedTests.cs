using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Visits;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Tests.Visits;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Tests.CalendarFeeds;

/// <summary>
/// Visits and calls in the KAM's calendar feed: each is its task (<c>TaskCalendarSource</c>), so it is
/// there once, at its task's time on the KAM's clock, moves with it and leaves once done; read back by ical.js.
/// </summary>
public sealed class VisitFeedTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_planned_visit_and_call_are_in_the_feed_once_each_follow_a_move_and_leave_once_done()
    {
        var world = await PageWorld.CreateAsync(app);
        var called = await PageWorld.AccountAsync(app, world.Unit, world.KamA, "Clínica Delta");
        foreach (var account in new[] { world.AccountA, called })
        {
            await VisitWorld.ClassifyAsync(app, account, AccountClass.A);
        }

        var api = app.ClientFor(world.KamA.Email);
        (await api.PutAsJsonAsync($"/api/accounts/{called.Id}/visit-cadence", new { everyWeeks = 1, kind = "Call" }, Ct)).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/me/week/plan", null, Ct)).EnsureSuccessStatusCode();
        var visits = (await app.ReadAsync<MyWeek>(await api.GetAsync("/api/me/week", Ct))).Days.SelectMany(d => d.Visits).ToList();
        var visit = Assert.Single(visits, v => v.Visit.AccountId == world.AccountA.Id).Visit;
        var call = Assert.Single(visits, v => v.Visit.AccountId == called.Id).Visit;
        var made = await api.PostAsync("/api/me/calendar-feed", null, Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var address = new Uri((await made.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("address").GetString()!).PathAndQuery;
        async Task<IcsCheck.Result> FeedAsync() => await IcsCheck.ValidAsync(await (await app.CreateClient().GetAsync(address, Ct)).Content.ReadAsStringAsync(Ct));

        var feed = await FeedAsync();
        // Once each, under its task: no second source writes visits.
        Assert.Single(feed.Events, e => e.Summary.Contains(world.AccountA.Name, StringComparison.Ordinal));
        Assert.Single(feed.Events, e => e.Summary.Contains(called.Name, StringComparison.Ordinal));
        var visitEvent = Assert.Single(feed.Events, e => e.Uid == $"task-{visit.TaskId}@kamflows");
        var callEvent = Assert.Single(feed.Events, e => e.Uid == $"task-{call.TaskId}@kamflows");
        Assert.Equal($"Visitar a conta · {world.AccountA.Name}", visitEvent.Summary);
        Assert.Equal($"Ligar para a conta · {called.Name}", callEvent.Summary);
        Assert.Equal(visit.PlannedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T09:00:00", visitEvent.Local);
        Assert.Equal("America/Sao_Paulo", visitEvent.Tzid);

        (await api.PostAsJsonAsync($"/api/visits/{call.TaskId}/move", new { on = "2026-03-06" }, Ct)).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/visits/{visit.TaskId}/record", new { occurredAt = "2026-03-02T11:00:00Z", summary = "Presented the oncology line" }, Ct)).EnsureSuccessStatusCode();

        var after = await FeedAsync();
        Assert.DoesNotContain(after.Events, e => e.Uid == visitEvent.Uid);
        var moved = Assert.Single(after.Events, e => e.Uid == callEvent.Uid);
        Assert.Equal("2026-03-06T09:00:00", moved.Local);
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 12, 0, 0, TimeSpan.Zero), moved.StartUtc);
    }
}
