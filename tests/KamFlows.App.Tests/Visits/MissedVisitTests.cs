using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Tests.Visits;

/// <summary>
/// Visits left unrecorded after their day are missed: the account shows them, and two within the
/// neglect window raise the neglect signal of its health, although the last meeting is recent enough.
/// One test in its class, because it moves the app's clock.
/// </summary>
public sealed class MissedVisitTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<bool> NeglectedAsync(VisitWorld kam) =>
        (await kam.Kam.GetFromJsonAsync<JsonElement>($"/api/accounts/{kam.Accounts[0].Id}/health", Ct))
            .GetProperty("now").GetProperty("signals").EnumerateArray().Any(s => s.GetProperty("cause").GetString() == "Neglect");

    [Fact]
    public async Task Missed_visits_show_on_the_account_and_feed_the_neglect_signal()
    {
        var kam = await VisitWorld.CreateAsync(app, AccountClass.A);
        await kam.PlanAsync("2026-W11");
        await kam.PlanAsync("2026-W12");
        Assert.Equal(0, (await kam.OfAccountAsync(kam.Accounts[0])).Missed);
        Assert.False(await NeglectedAsync(kam));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 16, 12, 0, 0, TimeSpan.Zero)); // Monday of week 12
        var shown = await kam.OfAccountAsync(kam.Accounts[0]);
        Assert.Equal(1, shown.Missed);
        Assert.False(await NeglectedAsync(kam));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 23, 12, 0, 0, TimeSpan.Zero)); // after week 12
        Assert.Equal(2, (await kam.OfAccountAsync(kam.Accounts[0])).Missed);
        Assert.True(await NeglectedAsync(kam));
        var thisWeek = await kam.WeekAsync("2026-W12");
        Assert.True(Assert.Single(thisWeek.Days.SelectMany(d => d.Visits)).Missed);
    }
}
