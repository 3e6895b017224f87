using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Visits;
using KamFlows.App.Hosting;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Visits;

/// <summary>
/// The KAM's week in São Paulo, on the app's clock (2 March 2026, not moved here): week 14 holds Good
/// Friday (3 April), a national holiday. Planning, planning again, the class and cadence of an
/// account, moving a visit, recording it.
/// </summary>
public sealed class WeekPlanTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly GoodFriday = new(2026, 4, 3);

    [Fact]
    public async Task Weekly_accounts_are_planned_on_the_business_days_of_a_holiday_week_once_however_often_it_is_planned()
    {
        var kam = await VisitWorld.CreateAsync(app, AccountClass.A, AccountClass.A, AccountClass.A, AccountClass.A, AccountClass.A);

        Assert.Equal(5, await kam.PlanAsync("2026-W14"));
        Assert.Equal(0, await kam.PlanAsync("2026-W14"));

        var week = await kam.WeekAsync("2026-W14");
        var visits = week.Days.SelectMany(d => d.Visits).ToList();
        Assert.Equal(5, visits.Count);
        Assert.All(visits, v => Assert.InRange(v.Visit.PlannedOn, new DateOnly(2026, 3, 30), new DateOnly(2026, 4, 2)));
        Assert.False(Assert.Single(week.Days, d => d.Date == GoodFriday).BusinessDay);
        Assert.Empty(Assert.Single(week.Days, d => d.Date == GoodFriday).Visits);
        foreach (var account in kam.Accounts)
        {
            var task = Assert.Single(await kam.OpenTasksAsync(account));
            Assert.Equal(WeekPlanning.VisitTask, task.Kind);
        }
    }

    [Fact]
    public async Task The_nightly_timer_plans_this_week_and_next_and_running_it_twice_plans_nothing_twice()
    {
        var kam = await VisitWorld.CreateAsync(app, AccountClass.A);
        var timer = app.Services.GetRequiredService<TriggerFunctions>().Timer("WeeklyVisitPlan");

        await timer.RunAsync(new TimerInvocation(Guid.NewGuid().ToString(), false, null, null), Ct);
        await timer.RunAsync(new TimerInvocation(Guid.NewGuid().ToString(), true, null, null), Ct);

        var visits = (await kam.OfAccountAsync(kam.Accounts[0])).Visits;
        Assert.Equal(["2026-W10", "2026-W11"], visits.Select(v => v.Visit.Week).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await kam.OpenTasksAsync(kam.Accounts[0])).Count);
    }

    [Fact]
    public async Task A_class_change_changes_the_cadence_from_the_next_week_planned_and_an_accounts_own_cadence_wins()
    {
        var kam = await VisitWorld.CreateAsync(app, AccountClass.A, AccountClass.C);
        var (growing, small) = (kam.Accounts[0], kam.Accounts[1]);
        await kam.PlanAsync("2026-W15");
        await kam.PlanAsync("2026-W16");
        Assert.Equal(2, (await kam.OfAccountAsync(growing)).Visits.Count);

        await VisitWorld.ClassifyAsync(app, growing, AccountClass.B); // every two weeks from now on
        await kam.PlanAsync("2026-W17");
        await kam.PlanAsync("2026-W18");
        Assert.Equal(3, (await kam.OfAccountAsync(growing)).Visits.Count);

        // The small account is called every four weeks by its class; its own cadence makes it a weekly visit.
        var calls = (await kam.OfAccountAsync(small)).Visits;
        Assert.All(calls, v => Assert.Equal(InteractionKind.Call, v.Visit.Kind));
        Assert.Single(calls);
        var set = await kam.Kam.PutAsJsonAsync($"/api/accounts/{small.Id}/visit-cadence", new { everyWeeks = 1, kind = "Visit" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        await kam.PlanAsync("2026-W19");
        await kam.PlanAsync("2026-W20");
        Assert.Equal(2, (await kam.OfAccountAsync(small)).Visits.Count(v => v.Visit.Kind == InteractionKind.Visit));
    }

    [Fact]
    public async Task A_visit_moves_to_another_business_day_only_and_its_task_follows()
    {
        var kam = await VisitWorld.CreateAsync(app, AccountClass.A);
        await kam.PlanAsync("2026-W14");
        var task = Assert.Single(await kam.OpenTasksAsync(kam.Accounts[0]));

        var holiday = await kam.Kam.PostAsJsonAsync($"/api/visits/{task.Id}/move", new { on = "2026-04-03" }, Ct);
        var past = await kam.Kam.PostAsJsonAsync($"/api/visits/{task.Id}/move", new { on = "2026-02-27" }, Ct);
        var stranger = await kam.World.As(kam.World.KamB).PostAsJsonAsync($"/api/visits/{task.Id}/move", new { on = "2026-04-02" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, holiday.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        var nextWeek = await kam.Kam.PostAsJsonAsync($"/api/visits/{task.Id}/move", new { on = "2026-04-06" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, nextWeek.StatusCode);

        var moved = await kam.Kam.PostAsJsonAsync($"/api/visits/{task.Id}/move", new { on = "2026-04-02" }, Ct); // Thursday
        var again = await kam.Kam.PostAsJsonAsync($"/api/visits/{task.Id}/move", new { on = "2026-04-02" }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(new DateOnly(2026, 4, 2), Assert.Single(await kam.VisitsOfWeekAsync("2026-W14")).Visit.PlannedOn);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.Zero), Assert.Single(await kam.OpenTasksAsync(kam.Accounts[0])).DueAt);
        Assert.Equal(0, await kam.PlanAsync("2026-W14")); // planning again keeps the moved day
        Assert.Equal(new DateOnly(2026, 4, 2), Assert.Single(await kam.VisitsOfWeekAsync("2026-W14")).Visit.PlannedOn);
    }

    [Fact]
    public async Task Recording_a_visit_logs_it_once_closes_the_task_and_moves_the_contacts_last_interaction()
    {
        var kam = await VisitWorld.CreateAsync(app, AccountClass.A);
        var account = kam.Accounts[0];
        var contact = await app.ReadAsync<Contact>(await kam.Kam.PostAsJsonAsync($"/api/accounts/{account.Id}/contacts", AccountWorld.ContactBody(), Ct));
        await kam.PlanAsync("2026-W10"); // this week: 2 to 8 March
        var task = Assert.Single(await kam.OpenTasksAsync(account));
        var body = new { occurredAt = "2026-03-02T11:00:00Z", summary = "Presented the oncology line", contactIds = new[] { contact.Id } };

        var recorded = await kam.Kam.PostAsJsonAsync($"/api/visits/{task.Id}/record", body, Ct);
        var again = await kam.Kam.PostAsJsonAsync($"/api/visits/{task.Id}/record", body, Ct);

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var visit = Assert.Single((await kam.OfAccountAsync(account)).Visits).Visit;
        Assert.Equal(VisitStatus.Done, visit.Status);
        Assert.Empty(await kam.OpenTasksAsync(account));
        var log = await kam.Kam.GetFromJsonAsync<JsonElement>($"/api/accounts/{account.Id}/interactions", Ct);
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal(visit.InteractionId, entry.GetProperty("interaction").GetProperty("id").GetString());
        Assert.Equal("Visit", entry.GetProperty("interaction").GetProperty("kind").GetString());
        var met = await app.ReadAsync<Contact>(await kam.Kam.GetAsync($"/api/accounts/{account.Id}/contacts/{contact.Id}", Ct));
        Assert.Equal(new DateOnly(2026, 3, 2), met.LastInteractionOn);
    }
}
