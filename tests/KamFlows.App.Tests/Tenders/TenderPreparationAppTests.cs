using Microsoft.Extensions.DependencyInjection;
using KamFlows.App.Features.Tasks;
using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Tenders;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Tenders;

namespace KamFlows.App.Tests.Tenders;

/// <summary>
/// The tender's schedule on real storage: the date moved later and earlier (earlier than a milestone
/// already done), a late start two months out, no bid, the coverage gaps, a sign-off rejected then
/// approved. Each test has an app of its own, since each sets the fake clock where it needs it.
/// </summary>
public sealed class TenderPreparationAppTests(Azurite azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly December = new(2026, 12, 15);
    private static readonly DateTimeOffset MidOctober = new(2026, 10, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Moving_the_date_later_replans_what_is_not_done_and_moves_its_wake_ups()
    {
        await using var app = new TasksApp(azurite);
        var (s, tender) = await BiddingAsync(app);
        await s.CompleteChecklistTasksAsync(tender.ProcessId); // needs done

        var moved = await s.App.ReadAsync<TenderView>(await s.KamClient.PutAsJsonAsync($"/api/tenders/{tender.Id}/date", new { tenderDate = "2027-03-15" }, Ct));

        Assert.Equal(new DateOnly(2027, 3, 15), moved.TenderDate);
        Assert.Equal((MilestoneStatus.Done, new DateOnly(2026, 3, 15)), (moved.Milestones[0].Status, moved.Milestones[0].Due));
        Assert.Equal(new DateOnly(2026, 6, 15), moved.Milestones[1].Opens);
        Assert.Equal(new DateOnly(2026, 9, 15), moved.Milestones[1].Due);
        Assert.Equal(1, moved.DateChanges);
        var wakeUps = (await s.InstanceAsync(tender.ProcessId)).WakeUps.ToDictionary(w => w.Name, w => w.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero), wakeUps["open-buying-group"]);
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 12, 0, 0, TimeSpan.Zero), wakeUps["open-submission"]); // final documents due Monday 8 March 2027
        // The old opening time passes without an opening; the new one opens the milestone once.
        await s.RunUntilAsync(new DateTimeOffset(2026, 3, 13, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(MilestoneStatus.Planned, (await s.GetAsync(tender.Id)).Milestones[1].Status);
        await s.RunUntilAsync(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(MilestoneStatus.Open, (await s.GetAsync(tender.Id)).Milestones[1].Status);
        Assert.Equal(2, (await s.OpenTasksAsync(tender.ProcessId)).Count(t => t.Kind.StartsWith("tender-buying-group-", StringComparison.Ordinal)));

        var earlier = await s.KamClient.PostAsJsonAsync($"/api/tenders/{tender.Id}/postpone", new { tenderDate = "2027-01-15" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, earlier.StatusCode);
        Assert.Contains("a postponement moves the date later", await earlier.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_the_date_earlier_than_a_done_milestone_keeps_it_and_gives_the_rest_at_once_with_a_warning()
    {
        await using var app = new TasksApp(azurite);
        var (s, tender) = await BiddingAsync(app);
        await s.CompleteChecklistTasksAsync(tender.ProcessId); // needs done, due 15 March

        var moved = await s.App.ReadAsync<TenderView>(await s.KamClient.PutAsJsonAsync($"/api/tenders/{tender.Id}/date", new { tenderDate = "2026-03-14" }, Ct));

        Assert.Equal((MilestoneStatus.Done, new DateOnly(2026, 3, 15)), (moved.Milestones[0].Status, moved.Milestones[0].Due));
        Assert.Equal([true, true, true, false, false], moved.Milestones.Skip(1).Select(m => m.LateStart));
        Assert.Equal([MilestoneStatus.Open, MilestoneStatus.Open, MilestoneStatus.Open, MilestoneStatus.Open, MilestoneStatus.Planned], moved.Milestones.Skip(1).Select(m => m.Status));
        Assert.Contains(moved.Warnings, w => w.Contains("moved to 2026-03-14", StringComparison.Ordinal));
        var late = Assert.Single(await s.OpenTasksAsync(tender.ProcessId), t => t.Kind == "tender-buying-group-buying-group-mapped");
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 20, 0, 0, TimeSpan.Zero), late.DueAt); // two business days, 17:00 in São Paulo
        Assert.Equal("awaiting-decision", (await s.InstanceAsync(TenderScenario.ApprovalOf(tender.Id, "sign-off|1"))).Step);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.KamClient.PutAsJsonAsync($"/api/tenders/{tender.Id}/date", new { tenderDate = "2026-03-02" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_tender_registered_two_months_out_starts_late_with_a_warning_and_immediate_tasks()
    {
        await using var app = new TasksApp(azurite);
        app.Clock.SetUtcNow(MidOctober);
        var s = await TenderScenario.CreateAsync(app);

        var tender = await s.RegisterAsync(December);
        Assert.Contains("needs, buying-group, bid-draft", Assert.Single(tender.Warnings), StringComparison.Ordinal);
        Assert.Equal([true, true, true, false, false, false], tender.Milestones.Select(m => m.LateStart));
        await s.DecideAsync(TenderScenario.ApprovalOf(tender.Id, "bid"), s.World.Head, Verdict.Approve);

        var tasks = (await s.OpenTasksAsync(tender.ProcessId)).Where(t => TenderChecklists.FromTaskKind(t.Kind) is not null).ToList();
        Assert.Equal(6, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(new DateTimeOffset(2026, 10, 19, 20, 0, 0, TimeSpan.Zero), t.DueAt)); // Thu 15 → Fri 16, Mon 19, 17:00
        var view = await s.GetAsync(tender.Id);
        Assert.True(view.LateStart);
        Assert.Equal("awaiting-decision", (await s.InstanceAsync(TenderScenario.ApprovalOf(tender.Id, "sign-off|1"))).Step);
        Assert.All(view.CoverageChecks, c => Assert.True(c.Done)); // both check days had passed: checked once, at once
        Assert.Equal(2, view.CoverageChecks.Single(c => c.Check == "t-3").Gaps.Count);
    }

    [Fact]
    public async Task No_bid_ends_the_preparation_with_the_head_of_KAMs_reason_and_gives_no_work()
    {
        await using var app = new TasksApp(azurite);
        var s = await TenderScenario.CreateAsync(app);
        var tender = await s.RegisterAsync(December);

        await s.DecideAsync(TenderScenario.ApprovalOf(tender.Id, "bid"), s.World.Head, Verdict.Reject, "Margin too thin for the risk");

        var ended = await s.GetAsync(tender.Id);
        Assert.Equal((TenderPhase.NoBid, "no-bid", "Margin too thin for the risk"), (ended.Status, ended.Step, ended.EndReason));
        Assert.Empty(await s.OpenTasksAsync(tender.ProcessId));
        Assert.Empty((await s.InstanceAsync(tender.ProcessId)).WakeUps);
        Assert.Equal(HttpStatusCode.Conflict, (await s.KamClient.PostAsJsonAsync($"/api/tenders/{tender.Id}/checklist", new { milestone = "needs", item = "customer-needs" }, Ct)).StatusCode);
        var outcomes = await s.App.ReadAsync<TenderOutcomes>(await s.World.As(s.World.Head).GetAsync("/api/tenders/outcomes", Ct));
        Assert.True(outcomes.Total.NoBid >= 1);
    }

    [Fact]
    public async Task Coverage_checks_give_a_task_naming_each_missing_role_or_stale_contact()
    {
        await using var app = new TasksApp(azurite);
        var (s, tender) = await BiddingAsync(app, withDecisionMaker: true);
        var contacts = await s.App.ReadAsync<System.Text.Json.JsonElement>(await s.KamClient.GetAsync($"/api/accounts/{s.Account.Id}/contacts", Ct));
        var ana = contacts.GetProperty("items")[0].GetProperty("id").GetString()!;

        await s.RunUntilAsync(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));

        var t6 = (await s.GetAsync(tender.Id)).CoverageChecks.Single(c => c.Check == "t-6");
        Assert.True(t6.Done);
        Assert.Equal(
            [(CoverageGapKind.StaleContact, Domain.Accounts.DecisionRole.DecisionMaker, ana, "Ana Souza"), (CoverageGapKind.MissingRole, Domain.Accounts.DecisionRole.Influencer, null, null)],
            t6.Gaps.Select(g => (g.Kind, g.Role, g.ContactId, g.ContactName)));
        var gapTasks = (await s.OpenTasksAsync(tender.ProcessId)).Where(t => t.Kind.StartsWith("tender-coverage-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["tender-coverage-missing-influencer", "tender-coverage-stale-contact"], gapTasks.Select(t => t.Kind).Order());
        Assert.Contains(ana, gapTasks.Single(t => t.Kind == "tender-coverage-stale-contact").Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", gapTasks.Single(t => t.Kind == "tender-coverage-stale-contact").Title, StringComparison.Ordinal);

        // A meeting logged with her in August: at T−3 only the influencer is missing.
        (await s.KamClient.PostAsJsonAsync($"/api/accounts/{s.Account.Id}/interactions", new
        {
            kind = "Meeting",
            occurredAt = "2026-08-20T14:00:00-03:00",
            summary = "Specification meeting",
            contactIds = new[] { ana },
        }, Ct)).EnsureSuccessStatusCode();
        await s.RunUntilAsync(new DateTimeOffset(2026, 9, 15, 12, 0, 0, TimeSpan.Zero));
        var t3 = (await s.GetAsync(tender.Id)).CoverageChecks.Single(c => c.Check == "t-3");
        Assert.Equal([CoverageGapKind.MissingRole], t3.Gaps.Select(g => g.Kind));
    }

    [Fact]
    public async Task A_rejected_sign_off_is_revised_by_the_KAM_and_approved_in_a_second_round()
    {
        await using var app = new TasksApp(azurite);
        app.Clock.SetUtcNow(MidOctober);
        var s = await TenderScenario.CreateAsync(app);
        var tender = await s.RegisterAsync(December);
        await s.DecideAsync(TenderScenario.ApprovalOf(tender.Id, "bid"), s.World.Head, Verdict.Approve);
        var round1 = TenderScenario.ApprovalOf(tender.Id, "sign-off|1");
        Assert.Equal([s.World.Director.Id], (await s.InstanceAsync(round1)).Parties[ApprovalRequestDefinition.Approver]);

        Assert.Equal(App.Engine.SendOutcome.Applied, await s.DecideAsync(round1, s.World.Director, Verdict.Reject, "Price above the reference"));

        var revise = Assert.Single(await s.OpenTasksAsync(tender.ProcessId), t => t.Kind == "tender-revise-bid");
        Assert.Equal(MilestoneStatus.Open, (await s.GetAsync(tender.Id)).Milestones[3].Status);
        await s.CompleteAsync(revise);
        var round2 = TenderScenario.ApprovalOf(tender.Id, "sign-off|2");
        Assert.Equal("awaiting-decision", (await s.InstanceAsync(round2)).Step);
        Assert.Equal(App.Engine.SendOutcome.Applied, await s.DecideAsync(round2, s.World.Director, Verdict.Approve));

        var signed = await s.GetAsync(tender.Id);
        Assert.Equal((MilestoneStatus.Done, 2), (signed.Milestones[3].Status, signed.SignOffRound));
        Assert.True(signed.Milestones[3].Checklist.Single().Done);
    }

    [Fact]
    public async Task Cancelling_withdraws_the_pending_bid_decision_and_ends_cleanly()
    {
        await using var app = new TasksApp(azurite);
        var s = await TenderScenario.CreateAsync(app);
        var tender = await s.RegisterAsync(December);

        var cancelled = await s.App.ReadAsync<TenderView>(await s.KamClient.PostAsJsonAsync($"/api/tenders/{tender.Id}/cancel", new { reason = "Buyer chose a framework contract" }, Ct));

        Assert.Equal((TenderPhase.Cancelled, "Buyer chose a framework contract"), (cancelled.Status, cancelled.EndReason));
        Assert.Equal("withdrawn", (await s.InstanceAsync(TenderScenario.ApprovalOf(tender.Id, "bid"))).Step);
        Assert.Empty((await s.InstanceAsync(tender.ProcessId)).WakeUps);
        Assert.Equal(HttpStatusCode.Conflict, (await s.KamClient.PostAsJsonAsync($"/api/tenders/{tender.Id}/cancel", new { reason = "again" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Cancelling_while_preparing_closes_the_open_checklist_tasks_as_cancelled()
    {
        await using var app = new TasksApp(azurite);
        var (s, tender) = await BiddingAsync(app);
        var open = await s.OpenTasksAsync(tender.ProcessId);
        Assert.Equal(2, open.Count(t => t.Kind.StartsWith("tender-needs-", StringComparison.Ordinal)));

        var cancelled = await s.KamClient.PostAsJsonAsync($"/api/tenders/{tender.Id}/cancel", new { reason = "Buyer chose a framework contract" }, Ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await s.RunUntilAsync(app.Clock.GetUtcNow());

        Assert.Empty(await s.OpenTasksAsync(tender.ProcessId));
        var store = app.Services.GetRequiredService<TaskStore>();
        foreach (var task in open)
        {
            var closed = (await store.FindAsync(task.Id, Ct))!.Value;
            Assert.Equal((WorkTaskStatus.Done, "cancelled"), (closed.Status, closed.Outcome));
        }
    }

    [Fact]
    public async Task Bad_changes_are_problems_that_change_nothing()
    {
        await using var app = new TasksApp(azurite);
        var (s, tender) = await BiddingAsync(app);
        var before = await StorageSnapshot.TakeAsync(app.Storage, Ct);
        var url = $"/api/tenders/{tender.Id}";

        Assert.Equal(HttpStatusCode.BadRequest, (await s.KamClient.PutAsJsonAsync($"{url}/date", new { tenderDate = "2026-01-01" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.KamClient.PostAsJsonAsync($"{url}/checklist", new { milestone = "needs", item = "pricing" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.KamClient.PostAsJsonAsync($"{url}/outcome", new { result = "Lost", reasons = Array.Empty<string>() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.KamClient.PostAsJsonAsync($"{url}/outcome", new { result = "Maybe" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.KamClient.GetAsync("/api/tenders/calendar?from=2026-12-01", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.KamClient.PutAsJsonAsync("/api/tenders/tnd000000000000000000000000/date", new { tenderDate = "2027-01-01" }, Ct)).StatusCode);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(app.Storage, Ct));
    }

    [Fact]
    public async Task The_calendar_shows_a_KAM_their_own_tenders_and_the_head_of_KAM_everyones_with_late_flags()
    {
        await using var app = new TasksApp(azurite);
        var (s, tender) = await BiddingAsync(app);
        var other = await s.World.AccountOfAsync(s.World.KamB);
        var body = s.Body(December);
        body["accountId"] = other.Id;
        var theirs = await app.ReadAsync<TenderView>(await s.PostAsync(body, client: s.World.As(s.World.KamB)));
        await s.RunUntilAsync(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero)); // needs (due 13 March) not done: late

        var mine = await app.ReadAsync<TenderCalendar>(await s.KamClient.GetAsync("/api/tenders/calendar?from=2026-12-01&to=2026-12-31", Ct));
        var all = await app.ReadAsync<TenderCalendar>(await s.World.As(s.World.Head).GetAsync("/api/tenders/calendar?from=2026-12-01&to=2026-12-31", Ct));

        var line = Assert.Single(mine.Tenders);
        Assert.Equal((tender.Id, "needs", true), (line.Id, line.NextMilestone!.Milestone, line.Late));
        Assert.Equal(new[] { tender.Id, theirs.Id }.Order(), all.Tenders.Select(t => t.Id).Order());
        Assert.Empty((await app.ReadAsync<TenderCalendar>(await s.KamClient.GetAsync("/api/tenders/calendar?from=2027-01-01&to=2027-12-31", Ct))).Tenders);
    }

    private static async Task<(TenderScenario, TenderView)> BiddingAsync(TasksApp app, bool withDecisionMaker = false)
    {
        var s = await TenderScenario.CreateAsync(app);
        if (withDecisionMaker)
        {
            (await s.KamClient.PostAsJsonAsync($"/api/accounts/{s.Account.Id}/contacts", AccountWorld.ContactBody(), Ct)).EnsureSuccessStatusCode();
        }

        var tender = await s.RegisterAsync(December);
        await s.DecideAsync(TenderScenario.ApprovalOf(tender.Id, "bid"), s.World.Head, Verdict.Approve);
        return (s, tender);
    }
}
