using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Plans;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Plans;
using static KamFlows.App.Tests.Plans.PlanBodies;

namespace KamFlows.App.Tests.Plans;

/// <summary>Submitting freezes a version; a decision is taken once, by someone other than the submitter; the diff is against the last approved version.</summary>
public sealed class PlanVersionsTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submitted_version_is_frozen_changing_it_is_409_and_the_draft_moves_on_alone()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var etag = await CreateDraftAsync(kam, account.Id, Plan(world.KamA.Id));

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await kam.PostAsync(Url(account.Id, "/submit"), null, Ct)).StatusCode);
        var submitted = await SendAsync(kam, HttpMethod.Post, Url(account.Id, "/submit"), etag);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var summary = await app.ReadAsync<PlanVersionSummary>(submitted);
        Assert.Equal(1, summary.Number);
        Assert.Equal(PlanVersionStatus.Submitted, summary.Status);
        Assert.Equal($"/api/accounts/{account.Id}/plan/versions/1", submitted.Headers.Location?.OriginalString);

        var changed = Plan(world.KamA.Id);
        changed["mission"] = "Something else entirely";
        var refused = await kam.PutAsJsonAsync(Url(account.Id, "/versions/1"), changed, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(kam, HttpMethod.Put, Url(account.Id), etag, changed)).StatusCode);

        var frozen = await app.ReadAsync<PlanVersion>(await kam.GetAsync(Url(account.Id, "/versions/1"), Ct));
        Assert.Equal("Be the hospital's first supplier of oncology drugs", frozen.Plan.Mission);
        var view = await app.ReadAsync<PlanView>(await kam.GetAsync(Url(account.Id), Ct));
        Assert.Equal("Something else entirely", view.Plan.Mission);
        Assert.Equal(1, view.PendingVersion);
        Assert.Equal(HttpStatusCode.NotFound, (await kam.PutAsJsonAsync(Url(account.Id, "/versions/2"), changed, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_version_is_decided_once_by_a_director_never_by_a_kam_or_its_submitter()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var etag = await CreateDraftAsync(kam, account.Id, Plan(world.KamA.Id));
        (await SendAsync(kam, HttpMethod.Post, Url(account.Id, "/submit"), etag)).EnsureSuccessStatusCode();
        var approve = new { approved = true, comment = "Good plan" };

        Assert.Equal(HttpStatusCode.Forbidden, (await kam.PostAsJsonAsync(Url(account.Id, "/versions/1/decision"), approve, Ct)).StatusCode);
        var decided = await world.As(world.Director).PostAsJsonAsync(Url(account.Id, "/versions/1/decision"), approve, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var version = await app.ReadAsync<PlanVersion>(decided);
        Assert.Equal(PlanVersionStatus.Approved, version.Status);
        Assert.Equal(world.Director.Id, version.DecidedByUserId);
        Assert.Equal("Good plan", version.Comment);

        var again = await world.As(world.Head).PostAsJsonAsync(Url(account.Id, "/versions/1/decision"), new { approved = false, comment = "No" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(PlanVersionStatus.Approved, (await app.ReadAsync<PlanVersion>(await kam.GetAsync(Url(account.Id, "/versions/1"), Ct))).Status);
        Assert.Equal(1, (await app.ReadAsync<PlanView>(await kam.GetAsync(Url(account.Id), Ct))).LastApprovedVersion);

        // A head of KAM who submits a version does not decide on it.
        var head = world.As(world.Head);
        var current = (await head.GetAsync(Url(account.Id), Ct)).Headers.ETag!.Tag;
        (await SendAsync(head, HttpMethod.Post, Url(account.Id, "/submit"), current)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync(Url(account.Id, "/versions/2/decision"), approve, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_service_decision_the_quarterly_review_calls_supersedes_nothing_twice()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var etag = await CreateDraftAsync(kam, account.Id, Plan(world.KamA.Id));
        (await SendAsync(kam, HttpMethod.Post, Url(account.Id, "/submit"), etag)).EnsureSuccessStatusCode();
        (await SendAsync(kam, HttpMethod.Post, Url(account.Id, "/submit"), etag)).EnsureSuccessStatusCode();
        var service = (PlanService)app.Services.GetService(typeof(PlanService))!;

        var (outcome, version) = await service.DecideAsync(account.Id, 1, approved: true, null, world.Director.Id, Ct);
        var (second, rejected) = await service.DecideAsync(account.Id, 2, approved: false, "Targets too low", world.Director.Id, Ct);

        // Version 1 waited when version 2 came: superseded, no longer decided.
        Assert.Equal(PlanOutcome.Conflict, outcome);
        Assert.Equal(PlanVersionStatus.Superseded, version!.Status);
        Assert.Equal(PlanOutcome.Done, second);
        Assert.Equal(PlanVersionStatus.Rejected, rejected!.Status);
        var versions = await app.ReadAsync<List<PlanVersionSummary>>(await kam.GetAsync(Url(account.Id, "/versions"), Ct));
        Assert.Equal([(2, PlanVersionStatus.Rejected), (1, PlanVersionStatus.Superseded)], versions.Select(v => (v.Number, v.Status)));
        var view = await app.ReadAsync<PlanView>(await kam.GetAsync(Url(account.Id), Ct));
        Assert.Null(view.PendingVersion);
        Assert.Null(view.LastApprovedVersion);
    }

    [Fact]
    public async Task The_diff_names_the_sections_changed_since_the_last_approved_version()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var etag = await CreateDraftAsync(kam, account.Id, Plan(world.KamA.Id));

        var first = await app.ReadAsync<PlanDiffView>(await kam.GetAsync(Url(account.Id, "/diff"), Ct));
        Assert.Null(first.ApprovedVersion);
        Assert.All(first.Sections, s => Assert.True(s.Changed));

        (await SendAsync(kam, HttpMethod.Post, Url(account.Id, "/submit"), etag)).EnsureSuccessStatusCode();
        (await world.As(world.Director).PostAsJsonAsync(Url(account.Id, "/versions/1/decision"), new { approved = true }, Ct)).EnsureSuccessStatusCode();
        var changed = Plan(world.KamA.Id);
        changed["assumptions"] = new System.Text.Json.Nodes.JsonArray("Budget approved in March", "No new competitor before 2027");
        changed.Milestone(1)["target"] = 950_000;
        changed.Milestone(0)["actions"]![0]!["done"] = true; // progress, not a change of plan
        (await SendAsync(kam, HttpMethod.Put, Url(account.Id), etag, changed)).EnsureSuccessStatusCode();

        var diff = await app.ReadAsync<PlanDiffView>(await world.As(world.Director).GetAsync(Url(account.Id, "/diff"), Ct));

        Assert.Equal(1, diff.ApprovedVersion);
        Assert.Equal([PlanSection.Assumptions, PlanSection.Goals], diff.Sections.Where(s => s.Changed).Select(s => s.Section));
        Assert.Equal(["No new competitor before 2027"], diff.Sections.Single(s => s.Section == PlanSection.Assumptions).Added);
        Assert.Equal(["g1"], diff.Sections.Single(s => s.Section == PlanSection.Goals).Modified);
    }

    [Fact]
    public async Task A_version_renders_to_html_with_contact_names_and_an_erased_contact_as_erased()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var ana = await ContactAsync(kam, account.Id, "Ana Souza");
        var rui = await ContactAsync(kam, account.Id, "Rui <b>Lima</b>");
        var plan = Plan(world.KamA.Id, ana, rui);
        plan.Milestone(0)["actions"]![1]!["contactId"] = ana;
        var etag = await CreateDraftAsync(kam, account.Id, plan);
        (await SendAsync(kam, HttpMethod.Post, Url(account.Id, "/submit"), etag)).EnsureSuccessStatusCode();

        var before = await kam.GetAsync(Url(account.Id, "/versions/1/html"), Ct);
        Assert.Equal("text/html", before.Content.Headers.ContentType?.MediaType);
        var html = await before.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Ana Souza", html, StringComparison.Ordinal);
        Assert.Contains("Rui &lt;b&gt;Lima&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Lima", html, StringComparison.Ordinal);
        Assert.Contains(world.KamA.DisplayName, html, StringComparison.Ordinal);

        (await app.AdminClient().PostAsync($"/api/accounts/{account.Id}/contacts/{ana}/erase", null, Ct)).EnsureSuccessStatusCode();
        var after = await (await world.As(world.Director).GetAsync(Url(account.Id, "/versions/1/html"), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("Ana", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Souza", after, StringComparison.Ordinal);
        Assert.Contains("<li>[erased]</li>", after, StringComparison.Ordinal);
        Assert.Contains("with [erased]", after, StringComparison.Ordinal);
        // The frozen JSON keeps the id only.
        var json = await kam.GetStringAsync(Url(account.Id, "/versions/1"), Ct);
        Assert.Contains(ana, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Souza", json, StringComparison.Ordinal);
    }

    private async Task<string> ContactAsync(HttpClient client, string accountId, string name)
    {
        var body = AccountWorld.ContactBody(name);
        var response = await client.PostAsJsonAsync($"/api/accounts/{accountId}/contacts", body, Ct);
        return (await app.ReadAsync<KamFlows.App.Features.Contacts.Contact>(response)).Id;
    }
}
