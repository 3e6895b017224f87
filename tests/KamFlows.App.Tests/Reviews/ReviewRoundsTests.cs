using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Plans;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Http;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Tests.Plans;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Reviews;

/// <summary>The KAM submits, the director rejects (whole, then a section), the KAM revises and resubmits, the director approves: every round kept.</summary>
public sealed partial class ReviewRoundsTests(Azurite azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rejected_twice_then_approved_keeps_every_round_freezes_the_version_and_applies_the_class()
    {
        await using var world = await ReviewWorld.CreateAsync(azurite);
        var account = await world.AccountWithPlanAsync();
        world.At(ReviewWorld.QuarterStart);
        await world.FireTimerAsync();
        var kam = world.People.As(world.Kam);

        // Round 1: the plan with a new objective, rejected whole.
        await SubmitAsync(world, account, p => p["objectives"] = new JsonArray("Win the 2026 tender", "Open the oncology line in two more sites"));
        Assert.Equal("awaiting-approval", (await world.ReviewAsync(account.Id)).Step);
        await DecideAsync(world, _ => new { verdict = "Reject", comment = "Targets too low" });
        var back = await world.ReviewAsync(account.Id);
        Assert.Equal("revising", back.Step);
        var sentBack = Assert.Single(await world.MailsAsync(world.Kam, "devolvida"));
        Assert.Contains("Targets too low", await world.BodyAsync(sentBack), StringComparison.Ordinal);
        Assert.Single(await world.TasksAsync(world.Kam, "quarterly-review-revision"));

        // Round 2's draft submitted again while the director decides is refused.
        var twice = await SubmitAsync(world, account, p => p["assumptions"] = new JsonArray("Budget approved in April"));
        Assert.Equal(HttpStatusCode.Conflict, (await SubmitAtAsync(world, account, twice)).StatusCode);

        // Round 2: rejected by section (objectives approved, goals rejected).
        var sections = (await world.ReviewAsync(account.Id)).State.Rounds[^1];
        Assert.Equal(2, sections.Number);
        await DecideAsync(world, ids => new
        {
            sections = ids.Select(id => id == "assumptions"
                ? (object)new { sectionId = id, verdict = "Reject", comment = "Which budget?" }
                : new { sectionId = id, verdict = "Approve" }).ToArray(),
        });
        var partly = await world.ReviewAsync(account.Id);
        Assert.Equal(("revising", "partly-approved"), (partly.Step, partly.State.Rounds[^1].Outcome));

        // Round 3: approved.
        await SubmitAsync(world, account, p => p["assumptions"] = new JsonArray("The 2026 budget of the pharmacy committee is approved"));
        await DecideAsync(world, _ => new { verdict = "Approve", comment = "Go" });

        var closed = await world.ReviewAsync(account.Id);
        Assert.Equal("approved", closed.Step);
        Assert.Equal([(1, 1, "rejected"), (2, 2, "partly-approved"), (3, 3, "approved")], closed.State.Rounds.Select(r => (r.Number, r.PlanVersion, r.Outcome!)));
        Assert.All(closed.State.Rounds, r => Assert.Equal(world.People.Director.Id, r.DecidedByUserId));
        var versions = await world.App.ReadAsync<List<PlanVersionSummary>>(await kam.GetAsync(PlanBodies.Url(account.Id, "/versions"), Ct));
        Assert.Equal([(3, PlanVersionStatus.Approved), (2, PlanVersionStatus.Rejected), (1, PlanVersionStatus.Rejected)], versions.Select(v => (v.Number, v.Status)));
        var after = await world.App.ReadAsync<Account>(await kam.GetAsync($"/api/accounts/{account.Id}", Ct));
        Assert.Equal(closed.State.Package!.ClassChange!.To, after.Class);
        var quarter = await world.QuarterAsync();
        Assert.Equal((1, 1, 0), (quarter.Reviews, quarter.Approved, quarter.Open));
        Assert.Null(quarter.Items.Single().WaitingOn);
    }

    [Fact]
    public async Task Submitting_through_the_review_closes_the_kams_review_task_and_then_the_revision_task_as_done()
    {
        await using var world = await ReviewWorld.CreateAsync(azurite);
        var account = await world.AccountWithPlanAsync();
        world.At(ReviewWorld.QuarterStart);
        await world.FireTimerAsync();
        var store = world.App.Services.GetRequiredService<TaskStore>();
        var review = Assert.Single(await world.TasksAsync(world.Kam, "quarterly-review"));

        // Submitted by the API, never completed in the task list: the task is closed all the same.
        await SubmitAsync(world, account, p => p["objectives"] = new JsonArray("Win the 2026 tender", "Open two more sites"));
        await world.DrainAsync();
        Assert.Empty(await world.TasksAsync(world.Kam, "quarterly-review"));
        Assert.Equal((WorkTaskStatus.Done, "done"), Closed(await store.FindAsync(review.Id, Ct)));

        await DecideAsync(world, _ => new { verdict = "Reject", comment = "Targets too low" });
        var revision = Assert.Single(await world.TasksAsync(world.Kam, "quarterly-review-revision"));
        await SubmitAsync(world, account, p => p["assumptions"] = new JsonArray("Budget approved in April"));
        await world.DrainAsync();
        Assert.Empty(await world.TasksAsync(world.Kam, "quarterly-review-revision"));
        Assert.Equal((WorkTaskStatus.Done, "done"), Closed(await store.FindAsync(revision.Id, Ct)));

        await DecideAsync(world, _ => new { verdict = "Approve", comment = "Go" });
        Assert.Equal("approved", (await world.ReviewAsync(account.Id)).Step);
        Assert.Empty(await world.TasksAsync(world.Kam, "quarterly-review"));
        Assert.Empty(await world.TasksAsync(world.Kam, "quarterly-review-revision"));

        static (WorkTaskStatus, string?) Closed(Versioned<WorkTask>? task) => (task!.Value.Status, task.Value.Outcome);
    }

    [Fact]
    public async Task The_signed_in_director_approves_from_the_emailed_link_and_the_review_closes()
    {
        await using var world = await ReviewWorld.CreateAsync(azurite);
        var account = await world.AccountWithPlanAsync();
        world.At(ReviewWorld.QuarterStart);
        await world.FireTimerAsync();
        await SubmitAsync(world, account, p => p["objectives"] = new JsonArray("Win the 2026 tender", "Double the oncology share"));

        var request = Assert.Single(await world.MailsAsync(world.People.Director, "Quarterly review 2026-Q2: account plan version 1"));
        var html = (await world.App.Services.GetRequiredService<KamFlows.App.Features.Email.DevelopmentMailbox>().BodyAsync(request.Id, Ct))!.Value.Html;
        var link = new Uri(LinkHref().Match(html).Groups["href"].Value).PathAndQuery;
        var browser = new PageBrowser(world.App);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(link)).StatusCode); // sign in first
        await browser.SignInAsync(world.People.Director.Email, link);
        var page = await browser.GetPageAsync(link);
        Assert.Contains("Double the oncology share", page, StringComparison.Ordinal); // the objectives' diff
        Assert.Contains("Quarterly review 2026-Q2", page, StringComparison.Ordinal);

        var posted = await browser.PostFormAsync(link,
            [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page)), new("mode", "whole"), new("verdict", "approve"), new("comment", "Go")]);
        await world.DrainAsync();

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var closed = await world.ReviewAsync(account.Id);
        Assert.Equal(("approved", world.People.Director.Id), (closed.Step, closed.State.Rounds.Single().DecidedByUserId));
        var version = await world.App.ReadAsync<PlanVersion>(await world.People.As(world.Kam).GetAsync(PlanBodies.Url(account.Id, "/versions/1"), Ct));
        Assert.Equal(PlanVersionStatus.Approved, version.Status);
        Assert.Single(await world.MailsAsync(world.Kam, "aprovada"));
    }

    [Fact]
    public async Task Someone_other_than_the_kam_may_not_submit_and_a_submit_without_if_match_is_refused()
    {
        await using var world = await ReviewWorld.CreateAsync(azurite);
        var account = await world.AccountWithPlanAsync();
        world.At(ReviewWorld.QuarterStart);
        await world.FireTimerAsync();
        var url = $"/api/reviews/quarters/{ReviewWorld.Quarter}/accounts/{account.Id}/submit";
        var etag = (await world.People.As(world.Kam).GetAsync(PlanBodies.Url(account.Id), Ct)).Headers.ETag!.Tag;

        var byHead = await PlanBodies.SendAsync(world.People.As(world.People.Head), HttpMethod.Post, url, etag);
        var noIfMatch = await world.People.As(world.Kam).PostAsync(url, null, Ct);
        var badQuarter = await PlanBodies.SendAsync(world.People.As(world.Kam), HttpMethod.Post, $"/api/reviews/quarters/Q2/accounts/{account.Id}/submit", etag);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.PreconditionRequired, HttpStatusCode.BadRequest), (byHead.StatusCode, noIfMatch.StatusCode, badQuarter.StatusCode));
        Assert.Equal("with-kam", (await world.ReviewAsync(account.Id)).Step);
        Assert.Empty(await world.App.ReadAsync<List<PlanVersionSummary>>(await world.People.As(world.Kam).GetAsync(PlanBodies.Url(account.Id, "/versions"), Ct)));
    }

    [System.Text.RegularExpressions.GeneratedRegex("href=\"(?<href>[^\"]*/app/links/[^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex LinkHref();

    /// <summary>Changes the draft, then submits it through the review; returns the draft's ETag it submitted at.</summary>
    private static async Task<string> SubmitAsync(ReviewWorld world, Account account, Action<JsonObject> change)
    {
        var kam = world.People.As(world.Kam);
        var read = await kam.GetAsync(PlanBodies.Url(account.Id), Ct);
        var etag = read.Headers.ETag!.Tag;
        var plan = JsonNode.Parse(await read.Content.ReadAsStringAsync(Ct))!["plan"]!.AsObject();
        change(plan);
        var saved = await PlanBodies.SendAsync(kam, HttpMethod.Put, PlanBodies.Url(account.Id), etag, plan);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var submitted = await SubmitAtAsync(world, account, saved.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return saved.Headers.ETag!.Tag;
    }

    private static Task<HttpResponseMessage> SubmitAtAsync(ReviewWorld world, Account account, string etag) =>
        PlanBodies.SendAsync(world.People.As(world.Kam), HttpMethod.Post, $"/api/reviews/quarters/{ReviewWorld.Quarter}/accounts/{account.Id}/submit", etag);

    /// <summary>The director decides the approval waiting on them (their one pending request) through the batch decisions API.</summary>
    private static async Task DecideAsync(ReviewWorld world, Func<IReadOnlyList<string>, object> decide)
    {
        var director = world.People.As(world.People.Director);
        var mine = JsonNode.Parse(await (await director.GetAsync("/api/me/approvals", Ct)).Content.ReadAsStringAsync(Ct))!;
        var processId = (string)mine["items"]!.AsArray().Single()!["processId"]!;
        var request = await world.App.Services.GetRequiredService<InstanceStore>().LoadAsync(processId, Ct);
        var decision = decide([.. ApprovalRequestDefinition.ReadState(request!.Instance.StateJson).Sections.Select(s => s.Id)]);
        var answer = await director.PostAsJsonAsync("/api/me/approvals/decisions", new { items = new[] { new { processId, inputId = Guid.NewGuid().ToString("N"), decision } } }, Ct);
        var body = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.IsSuccessStatusCode, body);
        Assert.Contains("applied", body, StringComparison.Ordinal);
        await world.DrainAsync();
    }
}
