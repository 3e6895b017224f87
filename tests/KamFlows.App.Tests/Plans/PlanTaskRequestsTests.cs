using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Plans;
using KamFlows.App.Storage;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Plans;
using Azure.Data.Tables;
using static KamFlows.App.Tests.Plans.PlanBodies;

namespace KamFlows.App.Tests.Plans;

/// <summary>
/// Actions and stage moves ask for tasks through the plantasks outbox (the tasks feature turns the
/// rows into tasks): one row per stable key, updated when the action changes, withdrawn when it goes.
/// </summary>
public sealed class PlanTaskRequestsTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_action_asks_for_a_task_of_its_owner_an_edit_changes_the_same_request_a_removal_withdraws_it()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA, world.CoKam);
        var kam = world.As(world.KamA);
        var etag = await CreateDraftAsync(kam, account.Id, Plan(world.KamA.Id));

        var first = await RequestsAsync(kam, account.Id);
        Assert.Equal([$"plan-action:{account.Id}:a1", $"plan-action:{account.Id}:a2", $"plan-action:{account.Id}:a3"], first.Select(r => r.Request.Key));
        Assert.All(first, r => Assert.Equal((world.KamA.Id, PlanTaskStatus.Open, true), (r.Request.AssigneeUserId, r.Request.Status, r.Delivered)));
        Assert.Equal(new DateOnly(2026, 2, 15), first[0].Request.Due);

        var changed = Plan(world.KamA.Id);
        changed.Milestone(0)["actions"] = new JsonArray(Action("a1", "Map the pharmacy committee", world.CoKam.Id, "2026-03-01"));
        (await SendAsync(kam, HttpMethod.Put, Url(account.Id), etag, changed)).EnsureSuccessStatusCode();

        var second = (await RequestsAsync(kam, account.Id)).ToDictionary(r => r.Request.Key.Split(':')[^1], r => r.Request);
        Assert.Equal((world.CoKam.Id, new DateOnly(2026, 3, 1), PlanTaskStatus.Open), (second["a1"].AssigneeUserId, second["a1"].Due, second["a1"].Status));
        Assert.Equal(PlanTaskStatus.Withdrawn, second["a2"].Status);
        Assert.Equal(PlanTaskStatus.Open, second["a3"].Status);
    }

    [Fact]
    public async Task Completing_an_action_marks_it_done_in_the_draft_and_its_request_done_twice_is_once()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        await CreateDraftAsync(kam, account.Id, Plan(world.KamA.Id));

        var done = await kam.PostAsync(Url(account.Id, "/actions/a2/complete"), null, Ct);
        var again = await kam.PostAsync(Url(account.Id, "/actions/a2/complete"), null, Ct);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var view = await app.ReadAsync<PlanView>(again);
        Assert.Equal(2, view.Revision);
        Assert.True(view.Plan.Actions().Single(a => a.Id == "a2").Done);
        Assert.Equal(PlanTaskStatus.Done, (await RequestsAsync(kam, account.Id)).Single(r => r.Request.Key.EndsWith(":a2", StringComparison.Ordinal)).Request.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await kam.PostAsync(Url(account.Id, "/actions/nope/complete"), null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.As(world.Director).PostAsync(Url(account.Id, "/actions/a1/complete"), null, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_older_draft_never_overwrites_the_requests_of_a_newer_one()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var outbox = (PlanTaskOutbox)app.Services.GetService(typeof(PlanTaskOutbox))!;
        var older = PlanActionTasks.Requests(account.Id, ToPlan(Plan(world.KamA.Id)));
        var newer = older.Select(r => r with { Title = r.Title + " (v2)" }).ToList();

        await outbox.SyncPlanAsync(account.Id, 7, newer, Ct);
        await outbox.SyncPlanAsync(account.Id, 6, older, Ct);

        Assert.All(await outbox.ListAsync(account.Id, Ct), r => Assert.EndsWith("(v2)", r.Request.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_save_whose_requests_were_not_written_is_completed_by_the_next_read()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        // As a crash between the draft's commit and its requests would leave it: the draft and the mark, no requests.
        var store = (PlanStore)app.Services.GetService(typeof(PlanStore))!;
        await store.SaveDraftAsync(account.Id, new PlanDraft(ToPlan(Plan(world.KamA.Id)), 1, world.KamA.Id, app.Clock.GetUtcNow()), null, Ct);
        Assert.Empty(await RequestsAsync(kam, account.Id));

        (await kam.GetAsync(Url(account.Id), Ct)).EnsureSuccessStatusCode();

        Assert.Equal(3, (await RequestsAsync(kam, account.Id)).Count);
        Assert.Null((await store.ReadAsync(account.Id, Ct)).TasksPending);
    }

    [Fact]
    public async Task Moving_the_stage_keeps_its_history_and_asks_for_the_playbook_tasks_of_the_owner()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA, world.CoKam);
        var coKam = world.As(world.CoKam);
        var etag = (await coKam.GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;
        var body = new { stage = "Partnership", reason = "Joint plan signed" };

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await coKam.PostAsJsonAsync($"/api/accounts/{account.Id}/stage", body, Ct)).StatusCode);
        var moved = await SendAsync(coKam, HttpMethod.Post, $"/api/accounts/{account.Id}/stage", etag, body);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var result = await app.ReadAsync<StageMoved>(moved);
        Assert.Equal(RelationshipStage.Partnership, result.Account.Stage);
        Assert.Equal((1, RelationshipStage.Mid, RelationshipStage.Partnership, true), (result.Move.Number, result.Move.From, result.Move.To, result.Move.TasksWritten));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(coKam, HttpMethod.Post, $"/api/accounts/{account.Id}/stage", etag, new { stage = "Early", reason = "Stale" })).StatusCode);

        // The configured playbook (appsettings.json): a joint business plan review, 15 business days after Monday 2 March 2026.
        var task = Assert.Single((await RequestsAsync(coKam, account.Id)).Select(r => r.Request));
        Assert.Equal($"stage-playbook:{account.Id}:000001:joint-plan-review", task.Key);
        Assert.Equal((PlanTaskKind.StagePlaybook, world.KamA.Id, new DateOnly(2026, 3, 23)), (task.Kind, task.AssigneeUserId, task.Due));

        var history = await app.ReadAsync<StageHistory>(await world.As(world.Director).GetAsync($"/api/accounts/{account.Id}/stage/history", Ct));
        Assert.Equal(RelationshipStage.Partnership, history.Stage);
        Assert.Equal("Joint plan signed", Assert.Single(history.Moves).Reason);
        var same = await SendAsync(coKam, HttpMethod.Post, $"/api/accounts/{account.Id}/stage", moved.Headers.ETag!.Tag, body);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
    }

    [Fact]
    public async Task The_stage_no_longer_changes_through_the_account_itself()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var etag = (await kam.GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;
        var body = world.AccountBody(world.KamA);
        body["stage"] = "Synergistic";

        var response = await SendAsync(kam, HttpMethod.Put, $"/api/accounts/{account.Id}", etag, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/stage", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(RelationshipStage.Mid, (await app.ReadAsync<Account>(await kam.GetAsync($"/api/accounts/{account.Id}", Ct))).Stage);
    }

    [Fact]
    public async Task A_move_whose_requests_were_not_written_is_completed_by_reading_the_history()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var etag = (await kam.GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;
        (await SendAsync(kam, HttpMethod.Post, $"/api/accounts/{account.Id}/stage", etag, new { stage = "Early", reason = "Restart" })).EnsureSuccessStatusCode();
        // As a crash after the commit would leave it: the entry not marked, its requests gone.
        var outbox = app.Storage.Table(StorageLayout.PlanTasksTable);
        await foreach (var row in outbox.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {account.Id}"), cancellationToken: Ct))
        {
            await outbox.DeleteEntityAsync(row, cancellationToken: Ct);
        }

        await app.Storage.Table(StorageLayout.AccountsTable).UpdateEntityAsync(new TableEntity(account.Id, "stage|000001") { ["TasksWritten"] = false }, Azure.ETag.All, TableUpdateMode.Merge, Ct);

        var history = await app.ReadAsync<StageHistory>(await kam.GetAsync($"/api/accounts/{account.Id}/stage/history", Ct));

        Assert.True(Assert.Single(history.Moves).TasksWritten);
        Assert.Equal(["map-dmu", "first-plan"], (await RequestsAsync(kam, account.Id)).Select(r => r.Request.Key.Split(':')[^1]).Order().Reverse());
    }

    [Fact]
    public async Task When_the_account_changes_owner_the_previous_owners_actions_and_their_requests_go_to_the_new_owner()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA, world.CoKam);
        var plan = Plan(world.KamA.Id);
        plan.Milestone(1)["actions"]![0]!["ownerUserId"] = world.CoKam.Id;
        await CreateDraftAsync(world.As(world.KamA), account.Id, plan);
        var head = world.As(world.Head);
        var etag = (await head.GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;

        (await SendAsync(head, HttpMethod.Post, $"/api/accounts/{account.Id}/reassign", etag, new { newOwnerUserId = world.KamB.Id, reason = "KAM A moves to another region" })).EnsureSuccessStatusCode();

        var view = await app.ReadAsync<PlanView>(await head.GetAsync(Url(account.Id), Ct));
        Assert.Equal([world.KamB.Id, world.KamB.Id, world.CoKam.Id], view.Plan.Actions().Select(a => a.OwnerUserId));
        Assert.Equal(2, view.Revision);
        Assert.Equal([world.KamB.Id, world.KamB.Id, world.CoKam.Id], (await RequestsAsync(head, account.Id)).Select(r => r.Request.AssigneeUserId));
    }

    private async Task<IReadOnlyList<StoredTaskRequest>> RequestsAsync(HttpClient client, string accountId) =>
        (await app.ReadAsync<PlanTasksView>(await client.GetAsync(Url(accountId, "/tasks"), Ct))).Requests;

    private static AccountPlan ToPlan(JsonObject body) =>
        System.Text.Json.JsonSerializer.Deserialize<PlanInput>(body.ToJsonString(), KamFlowsApp.Json)!.ToPlan();
}
