using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KamFlows.App.Features.Plans;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Plans;
using static KamFlows.App.Tests.Plans.PlanBodies;

namespace KamFlows.App.Tests.Plans;

public sealed class PlansApiTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kam_writes_the_draft_whole_reads_it_back_in_one_piece_and_updates_need_if_match()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);

        var created = await kam.PutAsJsonAsync(Url(account.Id), Plan(world.KamA.Id), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var etag = created.Headers.ETag!.Tag;

        var read = await kam.GetAsync(Url(account.Id), Ct);
        Assert.Equal(etag, read.Headers.ETag!.Tag);
        var view = await app.ReadAsync<PlanView>(read);
        Assert.Equal(1, view.Revision);
        Assert.Equal("g1", Assert.Single(view.Plan.Goals).Id);
        Assert.Equal(["a1", "a2", "a3"], view.Plan.Actions().Select(a => a.Id));
        Assert.Null(view.LatestVersion);

        var changed = Plan(world.KamA.Id);
        changed["mission"] = "Be the group's partner for oncology";
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await kam.PutAsJsonAsync(Url(account.Id), changed, Ct)).StatusCode);
        var updated = await SendAsync(kam, HttpMethod.Put, Url(account.Id), etag, changed);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await app.ReadAsync<PlanView>(updated)).Revision);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(kam, HttpMethod.Put, Url(account.Id), etag, Plan(world.KamA.Id))).StatusCode);
        Assert.Equal("Be the group's partner for oncology", (await app.ReadAsync<PlanView>(await kam.GetAsync(Url(account.Id), Ct))).Plan.Mission);
    }

    [Fact]
    public async Task A_goal_without_dates_is_a_problem_naming_the_field_and_stores_nothing()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var plan = Plan(world.KamA.Id);
        plan["goals"]![0]!.AsObject().Remove("due");

        var response = await world.As(world.KamA).PutAsJsonAsync(Url(account.Id), plan, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["goals[0].due"], await ErrorKeysAsync(response));
        Assert.Equal(HttpStatusCode.NotFound, (await world.As(world.KamA).GetAsync(Url(account.Id), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_milestone_outside_the_goals_dates_and_an_owner_outside_the_team_are_problems_by_path()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var plan = Plan(world.KamA.Id);
        plan.Milestone(1)["quarter"] = "2027-Q1";
        plan.Milestone(1)["actions"] = new JsonArray();
        plan.Milestone(0)["actions"]![0]!["ownerUserId"] = world.KamB.Id;

        var response = await world.As(world.KamA).PutAsJsonAsync(Url(account.Id), plan, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["goals[0].milestones[0].actions[0].ownerUserId", "goals[0].milestones[1].quarter"], (await ErrorKeysAsync(response)).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await world.As(world.KamA).GetAsync(Url(account.Id), Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_the_team_and_heads_of_kam_write_a_plan_directors_read_it_other_kams_do_not_see_it()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA, world.CoKam);
        var etag = await CreateDraftAsync(world.As(world.CoKam), account.Id, Plan(world.KamA.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await world.As(world.KamB).GetAsync(Url(account.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(world.As(world.KamB), HttpMethod.Put, Url(account.Id), etag, Plan(world.KamA.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.As(world.Director).GetAsync(Url(account.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(world.As(world.Director), HttpMethod.Put, Url(account.Id), etag, Plan(world.KamA.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(world.As(world.Head), HttpMethod.Put, Url(account.Id), etag, Plan(world.KamA.Id))).StatusCode);
    }

    [Fact]
    public async Task Progress_rolls_up_from_actions_done_and_a_milestone_past_its_quarter_below_target_is_behind()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var plan = Plan(world.KamA.Id);
        plan.Milestone(0)["actions"]![0]!["done"] = true;
        plan.Milestone(0)["actual"] = 650_000;
        await CreateDraftAsync(world.As(world.KamA), account.Id, plan);
        // The app's clock is 2026-03-02: Q1 is still running.
        var before = await app.ReadAsync<GoalsView>(await world.As(world.KamA).GetAsync(Url(account.Id, "/goals"), Ct));

        // Moving on to 2 April (nothing else in this class depends on the date; the fake clock never goes back).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.Zero));
        var after = await app.ReadAsync<GoalsView>(await world.As(world.Director).GetAsync(Url(account.Id, "/goals"), Ct));

        var goal = Assert.Single(before.Goals);
        Assert.Equal([0.5m, 0m], goal.Milestones.Select(m => m.Progress));
        Assert.Equal(0.25m, goal.Progress);
        Assert.False(goal.Behind);
        Assert.Equal(new DateOnly(2026, 4, 2), after.Today);
        Assert.True(after.Goals[0].Milestones[0].Behind);
        Assert.False(after.Goals[0].Milestones[1].Behind);
        Assert.True(after.Goals[0].Behind);
        Assert.Equal(["a2"], after.Goals[0].Milestones[0].OverdueActionIds);
    }

    private static async Task<IEnumerable<string>> ErrorKeysAsync(HttpResponseMessage response)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        return problem["errors"]!.AsObject().Select(e => e.Key);
    }
}
