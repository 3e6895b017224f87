using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Http;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Work;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Tasks;

/// <summary>A task's life: given by a process, listed on the assignee's clock, completed with an outcome the process hears.</summary>
public sealed class TasksTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PagedList<TaskView>> MineAsync(HttpClient client, string? when = null) =>
        await app.ReadAsync<PagedList<TaskView>>(await client.GetAsync("/api/me/tasks" + (when is null ? "" : "?when=" + when), Ct));

    [Fact]
    public async Task A_task_is_listed_by_window_completed_with_an_outcome_and_the_process_hears_it()
    {
        // Now is 2026-03-02 12:00 UTC, 09:00 in São Paulo.
        var kam = await app.UserAsync("kam", "America/Sao_Paulo");
        var client = app.ClientFor(kam.Email);
        var (_, overdue) = await app.GiveAsync(new CreateTask("call-customer", kam.Id, new TaskDue.AssigneeLocal(new DateOnly(2026, 3, 1), new TimeOnly(17, 0))));
        var (processId, today) = await app.GiveAsync(new CreateTask("call-customer", kam.Id, new TaskDue.AssigneeLocal(new DateOnly(2026, 3, 2), new TimeOnly(18, 0)),
            CompletionEvent: "task-done", Outcomes: ["reached", "no-answer"]));
        var (_, upcoming) = await app.GiveAsync(new CreateTask("submit-review", kam.Id, new TaskDue.At(new DateTimeOffset(2026, 3, 3, 3, 30, 0, TimeSpan.Zero))));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 21, 0, 0, TimeSpan.Zero), today.DueAt);
        Assert.Equal("America/Sao_Paulo", today.TimeZone);
        Assert.Equal([overdue.Id, today.Id, upcoming.Id], (await MineAsync(client)).Items.Select(v => v.Task.Id));
        Assert.Equal([overdue.Id], (await MineAsync(client, "Overdue")).Items.Select(v => v.Task.Id));
        var todays = Assert.Single((await MineAsync(client, "Today")).Items);
        Assert.Equal((today.Id, "2026-03-02T18:00", TaskWindow.Today), (todays.Task.Id, todays.DueLocal, todays.Window));
        // 03:30 UTC on the 3rd is 00:30 on the 3rd in São Paulo: tomorrow.
        Assert.Equal([upcoming.Id], (await MineAsync(client, "Upcoming")).Items.Select(v => v.Task.Id));

        var wrongOutcome = await client.PostAsJsonAsync($"/api/tasks/{today.Id}/complete", new { outcome = "done" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongOutcome.StatusCode);
        var stranger = await app.UserAsync("stranger", "America/Sao_Paulo");
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(stranger.Email).PostAsJsonAsync($"/api/tasks/{today.Id}/complete", new { outcome = "reached" }, Ct)).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(2));
        var completed = await app.ReadAsync<TaskView>(await client.PostAsJsonAsync($"/api/tasks/{today.Id}/complete", new { outcome = "reached" }, Ct));

        Assert.Equal(WorkTaskStatus.Done, completed.Task.Status);
        Assert.Equal(("reached", kam.Id, app.Clock.GetUtcNow()), (completed.Task.Outcome, completed.Task.CompletedByUserId, completed.Task.CompletedAt));
        Assert.True(completed.Task.ProcessTold);
        Assert.Contains($"task {today.Id} reached by {kam.Id}", await app.HeardAsync(processId));
        Assert.DoesNotContain((await MineAsync(client)).Items, v => v.Task.Id == today.Id);

        // Repeating the completion answers the same and tells the process nothing new; another outcome is refused.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/tasks/{today.Id}/complete", new { outcome = "reached" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/tasks/{today.Id}/complete", new { outcome = "no-answer" }, Ct)).StatusCode);
        Assert.Single(await app.HeardAsync(processId), h => h.StartsWith("task ", StringComparison.Ordinal));
        var read = await app.ReadAsync<TaskView>(await client.GetAsync($"/api/tasks/{today.Id}", Ct));
        Assert.Null(read.Window);
        Assert.Equal("reached", read.Task.Outcome);
    }

    [Fact]
    public async Task A_completion_the_process_did_not_hear_at_once_is_told_by_the_sweep()
    {
        var kam = await app.UserAsync("kam", "America/Sao_Paulo");
        var (processId, task) = await app.GiveAsync(new CreateTask("call-customer", kam.Id, new TaskDue.At(app.Clock.GetUtcNow().AddDays(1)), CompletionEvent: "task-done"));
        var store = app.Services.GetRequiredService<TaskStore>();
        var guardAt = app.Clock.GetUtcNow() + DueTimers.Lease;
        // What TaskLifecycle.CompleteAsync does before the app dies: the guard row, then the completion; the process is not told yet.
        await app.Services.GetRequiredService<DueTimers>().SetAsync(new WorkItem(TaskLifecycle.WorkKind, task.Id), guardAt, Ct);
        var open = (await store.FindAsync(task.Id, Ct))!;
        await store.CompleteAsync(open, task with { Status = WorkTaskStatus.Done, Outcome = "done", CompletedByUserId = kam.Id, CompletedAt = app.Clock.GetUtcNow() }, Ct);
        Assert.DoesNotContain(await app.HeardAsync(processId), h => h.StartsWith("task ", StringComparison.Ordinal));

        app.Clock.Advance(DueTimers.Lease + TimeSpan.FromMinutes(1));
        await app.SweepAsync();
        await app.DeliverWorkAsync();

        Assert.Contains($"task {task.Id} done by {kam.Id}", await app.HeardAsync(processId));
        Assert.True((await store.FindAsync(task.Id, Ct))!.Value.ProcessTold);
    }

    [Fact]
    public async Task Today_is_the_assignees_own_day()
    {
        // 16:00 UTC on 2 March is 13:00 that day in São Paulo, and 01:00 on 3 March in Tokyo.
        var due = new TaskDue.At(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero));
        var saoPaulo = await app.UserAsync("sp", "America/Sao_Paulo");
        var tokyo = await app.UserAsync("tokyo", "Asia/Tokyo", "en");
        var (_, inSaoPaulo) = await app.GiveAsync(new CreateTask("call-customer", saoPaulo.Id, due));
        var (_, inTokyo) = await app.GiveAsync(new CreateTask("call-customer", tokyo.Id, due));

        var forSaoPaulo = Assert.Single((await MineAsync(app.ClientFor(saoPaulo.Email), "Today")).Items);
        var forTokyo = Assert.Single((await MineAsync(app.ClientFor(tokyo.Email), "Upcoming")).Items);

        Assert.Equal((inSaoPaulo.Id, "2026-03-02T13:00"), (forSaoPaulo.Task.Id, forSaoPaulo.DueLocal));
        Assert.Equal((inTokyo.Id, "2026-03-03T01:00"), (forTokyo.Task.Id, forTokyo.DueLocal));
        Assert.Empty((await MineAsync(app.ClientFor(tokyo.Email), "Today")).Items);
    }

    [Fact]
    public async Task A_local_due_time_in_a_clock_gap_moves_past_the_gap()
    {
        // Lisbon skips 01:00-02:00 on 29 March 2026: 01:30 local is read as 02:30 summer time, 01:30 UTC.
        var lisbon = await app.UserAsync("lisbon", "Europe/Lisbon", "pt-PT");

        var (_, task) = await app.GiveAsync(new CreateTask("call-customer", lisbon.Id, new TaskDue.AssigneeLocal(new DateOnly(2026, 3, 29), new TimeOnly(1, 30))));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), task.DueAt);
        Assert.Equal("2026-03-29T02:30", TaskView.Of(task, app.Clock.GetUtcNow()).DueLocal);
    }

    [Fact]
    public async Task A_business_due_time_falls_on_the_process_partys_business_day()
    {
        // Now is Monday 2026-03-02 12:00 UTC. Lisbon: Good Friday is 2026-04-03, Easter Sunday 2026-04-05.
        var kam = await app.UserAsync("kam", "Europe/Lisbon", "pt-PT");
        var lisbon = new Dictionary<string, PartyCalendar> { ["kam"] = new("PT", null, null, "Europe/Lisbon") };
        var five = new TimeOnly(17, 0);

        var (_, later) = await app.GiveAsync(new CreateTask("submit-review", kam.Id, new TaskDue.Business(new WakeTime.BusinessDaysLater(10, five, "kam"))), lisbon);
        var (_, dayBefore) = await app.GiveAsync(new CreateTask("prepare-meeting", kam.Id, new TaskDue.Business(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 4, 6), -1, five, "kam"))), lisbon);
        var (_, onEaster) = await app.GiveAsync(new CreateTask("tender-milestone", kam.Id, new TaskDue.Business(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 4, 5), 0, five, "kam"))), lisbon);

        // Ten business days after Monday 2 March is Monday 16 March, 17:00 in Lisbon (WET, UTC+0).
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 17, 0, 0, TimeSpan.Zero), later.DueAt);
        // The business day before Easter Monday, and a Sunday's own business day, are both Thursday 2 April (WEST, UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 16, 0, 0, TimeSpan.Zero), dayBefore.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 16, 0, 0, TimeSpan.Zero), onEaster.DueAt);
    }

    [Fact]
    public async Task Giving_the_same_task_twice_creates_one()
    {
        var kam = await app.UserAsync("kam", "America/Sao_Paulo");
        var (processId, task) = await app.GiveAsync(new CreateTask("call-customer", kam.Id, new TaskDue.At(app.Clock.GetUtcNow().AddDays(1))));
        var lifecycle = app.Services.GetService(typeof(TaskLifecycle)) as TaskLifecycle;

        var again = await lifecycle!.CreateAsync(new CreateTask("call-customer", kam.Id, new TaskDue.At(app.Clock.GetUtcNow().AddDays(1))), $"{processId}.1.0", processId, Ct);

        Assert.Equal(task.Id, again.Id);
        Assert.Single((await MineAsync(app.ClientFor(kam.Email))).Items);
    }

    [Fact]
    public async Task A_bad_when_is_a_400_problem_and_an_unknown_task_is_404()
    {
        var kam = await app.UserAsync("kam", "America/Sao_Paulo");
        var client = app.ClientFor(kam.Email);

        var bad = await client.GetAsync("/api/me/tasks?when=Yesterday", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/tasks/0123456789abcdef0123456789abcdef", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/tasks/not-an-id/complete", new { outcome = "done" }, Ct)).StatusCode);
    }
}
