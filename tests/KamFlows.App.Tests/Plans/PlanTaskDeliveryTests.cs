using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KamFlows.App.Features.Plans;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Http;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Tasks;
using KamFlows.App.Work;
using KamFlows.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;
using static KamFlows.App.Tests.Plans.PlanBodies;

namespace KamFlows.App.Tests.Plans;

/// <summary>
/// The plan's task requests become tasks in the assignee's list: one per action or playbook step,
/// due at 09:00 of the request's date on the assignee's clock, changed with the action, closed when
/// it goes; completing an action's task marks the action done. A crash between writing the requests
/// and delivering them is finished by the sweep.
/// </summary>
public sealed class PlanTaskDeliveryTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_a_draft_gives_the_owners_tasks_an_edit_moves_them_a_removal_cancels_them()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA, world.CoKam);
        var kam = world.As(world.KamA);
        var etag = await CreateDraftAsync(kam, account.Id, Plan(world.KamA.Id));

        var mine = await MyPlanTasksAsync(kam, account.Id);
        Assert.Equal(["Map the pharmacy committee", "Present the oncology line", "Negotiate the framework price"], mine.Select(t => t.Task.Title));
        Assert.All(mine, t => Assert.Equal(("plan-action", account.Id, world.KamA.Id), (t.Task.Kind, t.Task.AccountId, t.Task.AssigneeUserId)));
        Assert.Equal("2026-02-15T09:00", mine[0].DueLocal);
        Assert.All(await RequestsAsync(kam, account.Id), r => Assert.True(r.Delivered));

        var changed = Plan(world.KamA.Id);
        changed.Milestone(0)["actions"] = new JsonArray(Action("a1", "Map the pharmacy committee again", world.KamA.Id, "2026-03-01"));
        changed.Milestone(1)["actions"]![0]!["ownerUserId"] = world.CoKam.Id;
        (await SendAsync(kam, HttpMethod.Put, Url(account.Id), etag, changed)).EnsureSuccessStatusCode();

        var a1 = Assert.Single(await MyPlanTasksAsync(kam, account.Id));
        Assert.Equal((PlanTaskDelivery.TaskIdOf(PlanActionTasks.KeyOf(account.Id, "a1")), "Map the pharmacy committee again", "2026-03-01T09:00"), (a1.Task.Id, a1.Task.Title, a1.DueLocal));
        var a3 = Assert.Single(await MyPlanTasksAsync(world.As(world.CoKam), account.Id));
        Assert.Equal((PlanTaskDelivery.TaskIdOf(PlanActionTasks.KeyOf(account.Id, "a3")), "2026-06-01T09:00"), (a3.Task.Id, a3.DueLocal));
        var a2 = await app.ReadAsync<TaskView>(await kam.GetAsync($"/api/tasks/{PlanTaskDelivery.TaskIdOf(PlanActionTasks.KeyOf(account.Id, "a2"))}", Ct));
        Assert.Equal((WorkTaskStatus.Done, SystemOutcomes.Cancelled), (a2.Task.Status, a2.Task.Outcome));
        Assert.All(await RequestsAsync(kam, account.Id), r => Assert.True(r.Delivered));
    }

    [Fact]
    public async Task Completing_an_actions_task_marks_the_action_done_and_progress_rolls_up()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        await CreateDraftAsync(kam, account.Id, Plan(world.KamA.Id));
        var id = PlanTaskDelivery.TaskIdOf(PlanActionTasks.KeyOf(account.Id, "a2"));

        var completed = await kam.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "done" }, Ct);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var view = await app.ReadAsync<PlanView>(await kam.GetAsync(Url(account.Id), Ct));
        Assert.True(view.Plan.Actions().Single(a => a.Id == "a2").Done);
        var goals = await app.ReadAsync<GoalsView>(await kam.GetAsync(Url(account.Id, "/goals"), Ct));
        var q1 = goals.Goals[0].Milestones[0];
        Assert.Equal((1, 2, 0.5m), (q1.ActionsDone, q1.ActionsTotal, q1.Progress));
        Assert.True(goals.Goals[0].Progress > 0);
        Assert.Equal(["a1", "a3"], (await MyPlanTasksAsync(kam, account.Id)).Select(t => t.Task.SourceKey!.Split(':')[^1]));
        var request = (await RequestsAsync(kam, account.Id)).Single(r => r.Request.Key.EndsWith(":a2", StringComparison.Ordinal));
        Assert.Equal((PlanTaskStatus.Done, true), (request.Request.Status, request.Delivered));
        var task = await app.ReadAsync<TaskView>(await kam.GetAsync($"/api/tasks/{id}", Ct));
        Assert.Equal(("done", world.KamA.Id), (task.Task.Outcome, task.Task.CompletedByUserId));
    }

    [Fact]
    public async Task A_stage_move_gives_the_owner_its_playbook_tasks()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA, world.CoKam);
        var coKam = world.As(world.CoKam);
        var etag = (await coKam.GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;

        (await SendAsync(coKam, HttpMethod.Post, $"/api/accounts/{account.Id}/stage", etag, new { stage = "Partnership", reason = "Joint plan signed" })).EnsureSuccessStatusCode();

        var task = Assert.Single(await MyTasksOfAccountAsync(world.As(world.KamA), account.Id));
        Assert.Equal(("stage-playbook", $"stage-playbook:{account.Id}:000001:joint-plan-review", "2026-03-23T09:00"), (task.Task.Kind, task.Task.SourceKey, task.DueLocal));
        Assert.Empty(await MyTasksOfAccountAsync(coKam, account.Id));
    }

    [Fact]
    public async Task Requests_written_before_a_crash_are_delivered_by_the_sweep()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var delivery = app.Services.GetRequiredService<PlanTaskDelivery>();
        var outbox = app.Services.GetRequiredService<PlanTaskOutbox>();
        var requests = PlanActionTasks.Requests(account.Id, System.Text.Json.JsonSerializer.Deserialize<PlanInput>(Plan(world.KamA.Id).ToJsonString(), KamFlowsApp.Json)!.ToPlan());

        // The requests are written and the app dies before it delivers them.
        await Assert.ThrowsAsync<IOException>(() => delivery.WriteAndDeliverAsync(account.Id, async () =>
        {
            await outbox.SyncPlanAsync(account.Id, 1, requests, Ct);
            throw new IOException("the app died");
        }, Ct));
        Assert.Empty(await MyPlanTasksAsync(kam, account.Id));

        app.Clock.Advance(DueTimers.Lease + TimeSpan.FromMinutes(1));
        await app.SweepAsync();
        await app.DeliverWorkAsync();

        Assert.Equal(3, (await MyPlanTasksAsync(kam, account.Id)).Count);
        Assert.All(await outbox.ListAsync(account.Id, Ct), r => Assert.True(r.Delivered));
        app.Clock.Advance(DueTimers.Lease + TimeSpan.FromMinutes(1));
        await app.SweepAsync();
        Assert.Equal(0, await app.DeliverWorkAsync()); // the guard was cleared: nothing fires again
    }

    private async Task<IReadOnlyList<TaskView>> MyPlanTasksAsync(HttpClient client, string accountId) =>
        [.. (await MyTasksOfAccountAsync(client, accountId)).Where(t => t.Task.Kind == "plan-action")];

    private async Task<IReadOnlyList<TaskView>> MyTasksOfAccountAsync(HttpClient client, string accountId) =>
        [.. (await app.ReadAsync<PagedList<TaskView>>(await client.GetAsync("/api/me/tasks?pageSize=100", Ct))).Items.Where(t => t.Task.AccountId == accountId)];

    private async Task<IReadOnlyList<StoredTaskRequest>> RequestsAsync(HttpClient client, string accountId) =>
        (await app.ReadAsync<PlanTasksView>(await client.GetAsync(Url(accountId, "/tasks"), Ct))).Requests;
}
