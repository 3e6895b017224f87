using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Http;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Work;
using KamFlows.Domain.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Tasks;

/// <summary>Tasks change hands: with their account, by the head of KAM or the assignee, and a move cut short is finished by the sweep.</summary>
public sealed class TaskReassignmentTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<string>> OpenTaskIdsAsync(HttpClient client) =>
        (await app.ReadAsync<PagedList<TaskView>>(await client.GetAsync("/api/me/tasks", Ct))).Items.Select(v => v.Task.Id).ToList();

    private TaskDue Tomorrow => new TaskDue.At(app.Clock.GetUtcNow().AddDays(1));

    [Fact]
    public async Task Reassigning_an_account_moves_its_open_tasks_to_the_new_owner_and_nothing_else()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var other = await world.AccountOfAsync(world.KamA);
        var (_, open) = await app.GiveAsync(new CreateTask("call-customer", world.KamA.Id, Tomorrow, account.Id));
        var (_, done) = await app.GiveAsync(new CreateTask("call-customer", world.KamA.Id, Tomorrow, account.Id));
        var (_, elsewhere) = await app.GiveAsync(new CreateTask("call-customer", world.KamA.Id, Tomorrow, other.Id));
        var kamA = world.As(world.KamA);
        Assert.Equal(HttpStatusCode.OK, (await kamA.PostAsJsonAsync($"/api/tasks/{done.Id}/complete", new { outcome = "done" }, Ct)).StatusCode);
        var etag = (await world.As(world.Head).GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;

        using var reassign = AccountWorld.WithIfMatch(HttpMethod.Post, $"/api/accounts/{account.Id}/reassign", etag, new { newOwnerUserId = world.KamB.Id, reason = "KAM A moves on" });
        Assert.Equal(HttpStatusCode.OK, (await world.As(world.Head).SendAsync(reassign, Ct)).StatusCode);

        Assert.Equal([open.Id], await OpenTaskIdsAsync(world.As(world.KamB)));
        Assert.Equal([elsewhere.Id], await OpenTaskIdsAsync(kamA));
        var moved = await app.ReadAsync<TaskView>(await world.As(world.KamB).GetAsync($"/api/tasks/{open.Id}", Ct));
        Assert.Equal((world.KamB.Id, open.DueAt), (moved.Task.AssigneeUserId, moved.Task.DueAt));
        var kept = await app.ReadAsync<TaskView>(await kamA.GetAsync($"/api/tasks/{done.Id}", Ct));
        Assert.Equal((world.KamA.Id, WorkTaskStatus.Done), (kept.Task.AssigneeUserId, kept.Task.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await kamA.GetAsync($"/api/tasks/{open.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_head_of_the_assignees_unit_or_the_assignee_hands_a_task_over_and_no_one_else()
    {
        var world = await AccountWorld.CreateAsync(app);
        var unitKam = await app.UserAsync("unitkam", "Europe/Lisbon", "pt-PT", world.Unit);
        var colleague = await app.UserAsync("colleague", "Asia/Tokyo", "en");
        var (_, task) = await app.GiveAsync(new CreateTask("call-customer", unitKam.Id, new TaskDue.At(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero))));
        var otherHead = world.As(world.KamB); // a KAM of no standing over this task

        Assert.Equal(HttpStatusCode.NotFound, (await otherHead.PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { assigneeUserId = colleague.Id }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.As(world.Head).PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { assigneeUserId = "nobody" }, Ct)).StatusCode);

        var byHead = await app.ReadAsync<TaskView>(await world.As(world.Head).PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { assigneeUserId = world.KamB.Id }, Ct));
        Assert.Equal((world.KamB.Id, "America/Sao_Paulo", "2026-03-05T07:00"), (byHead.Task.AssigneeUserId, byHead.Task.TimeZone, byHead.DueLocal));
        Assert.Equal([task.Id], await OpenTaskIdsAsync(world.As(world.KamB)));
        Assert.Empty(await OpenTaskIdsAsync(app.ClientFor(unitKam.Email)));

        // KAM B holds it now and hands it on himself; the head of the unit no longer has a say (B is in no unit).
        var byAssignee = await app.ReadAsync<TaskView>(await world.As(world.KamB).PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { assigneeUserId = colleague.Id }, Ct));
        Assert.Equal((colleague.Id, "2026-03-05T19:00"), (byAssignee.Task.AssigneeUserId, byAssignee.DueLocal));
        Assert.Equal(HttpStatusCode.NotFound, (await world.As(world.Head).PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { assigneeUserId = world.KamA.Id }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(colleague.Email).PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "done" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.AdminClient().PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { assigneeUserId = world.KamA.Id }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_move_cut_short_after_its_first_step_is_finished_by_the_sweep()
    {
        var from = await app.UserAsync("from", "America/Sao_Paulo");
        var to = await app.UserAsync("to", "Europe/Lisbon", "pt-PT");
        var (_, task) = await app.GiveAsync(new CreateTask("call-customer", from.Id, Tomorrow));
        var store = app.Services.GetRequiredService<TaskStore>();
        var guardAt = app.Clock.GetUtcNow() + DueTimers.Lease;
        // What TaskLifecycle.ReassignAsync does before the app dies: the guard row, then the location's first step.
        await app.Services.GetRequiredService<DueTimers>().SetAsync(new WorkItem(TaskLifecycle.WorkKind, task.Id), guardAt, Ct);
        await store.BeginMoveAsync((await store.LocateAsync(task.Id, Ct))!, to.Id, Ct);

        app.Clock.Advance(DueTimers.Lease + TimeSpan.FromMinutes(1));
        await app.SweepAsync();
        Assert.True(await app.DeliverWorkAsync() >= 1);

        Assert.Equal([task.Id], await OpenTaskIdsAsync(app.ClientFor(to.Email)));
        Assert.Empty(await OpenTaskIdsAsync(app.ClientFor(from.Email)));
        var location = await store.LocateAsync(task.Id, Ct);
        Assert.Equal((to.Id, (string?)null), (location!.AssigneeUserId, location.MovingFromUserId));
        Assert.Equal("Europe/Lisbon", (await store.FindAsync(task.Id, Ct))!.Value.TimeZone);
    }
}
