using KamFlows.Domain.Approvals;
using KamFlows.Domain.Email;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using KamFlows.Domain.Tenders;
using static KamFlows.Domain.Tests.Tenders.Tenders;
using Command = KamFlows.Domain.Tenders.TenderCommand;
using Event = KamFlows.Domain.Tenders.TenderEvent;

namespace KamFlows.Domain.Tests.Tenders;

/// <summary>The TenderPreparation decider from registration to the outcome.</summary>
public sealed class TenderPreparationTests
{
    [Fact]
    public void Registering_plans_the_schedule_and_asks_the_head_of_KAM_bid_or_no_bid()
    {
        var decision = Decide(TenderState.New, Received(Register()));

        var registered = Assert.IsType<Event.Registered>(Assert.Single(decision.Events));
        Assert.Equal(6, registered.Milestones.Count);
        Assert.Empty(registered.Warnings);
        var child = Assert.Single(decision.Children);
        Assert.Equal(ApprovalRequestDefinition.DefinitionName, child.Definition);
        Assert.Equal("tender-1|bid", child.BusinessKey);
        Assert.Equal([Head], child.Parties[ApprovalRequestDefinition.Approver]);
        Assert.Equal([Director], child.Parties[ApprovalRequestDefinition.Alternate]);
        Assert.Equal([Kam], child.Parties[ApprovalRequestDefinition.Requester]);
        var request = Assert.IsType<ApprovalCommand.Request>(child.StartCommand);
        Assert.Equal(["strategic-fit", "estimated-margin", "buying-group-coverage", "competitors", "capacity"], request.Sections!.Select(s => s.Id));
        Assert.Equal("18.5%", request.Sections![1].Diff!.After);
        Assert.Empty(decision.WakeUps); // nothing is armed before the bid is decided
        var state = Fold(decision.Events);
        Assert.Equal("bid-decision", Definition.StepOf(state));
        Assert.Equal(new WaitingOn(TenderPreparationDefinition.Head, Now), Definition.WaitingOnOf(state));
    }

    [Fact]
    public void No_bid_ends_the_preparation_with_the_head_of_KAMs_reason()
    {
        var (state, decision) = Run(Fold(Registered()), ChildDone("tender-1|bid", ApprovalOutcomes.Rejected, Verdict.Reject, "Margin too thin"));

        Assert.Equal([new Event.NoBid("Margin too thin", Head, Now)], decision.Events);
        Assert.Equal("no-bid", decision.Outcome);
        Assert.Equal("no-bid", Definition.StepOf(state));
        Assert.Equal("Margin too thin", state.EndReason);
        Assert.NotNull(Decide(state, Received(new Command.TickItem("needs", "customer-needs")), sender: KamSender).StaleReason);
    }

    [Fact]
    public void Bid_opens_the_needs_milestone_with_a_task_per_item_and_arms_the_later_openings_and_checks()
    {
        var (state, decision) = Run(Fold(Registered()), BidApproved());

        Assert.Equal(new Event.BidApproved(Head, Now), decision.Events[0]);
        Assert.Equal(new Event.MilestoneOpened(TenderMilestone.Needs, false, Now), decision.Events[1]);
        Assert.Equal(["tender-needs-customer-needs", "tender-needs-key-success-factors"], TaskKinds(decision));
        var task = decision.Effects.OfType<CreateTask>().First();
        Assert.Equal(Kam, task.AssigneeUserId);
        Assert.Equal(Command.ItemDoneEvent, task.CompletionEvent);
        Assert.Equal(new TaskDue.Business(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 3, 15), 0, new TimeOnly(17, 0), "account")), task.Due);
        Assert.Equal(
            ["remind-needs", "escalate-needs", "open-buying-group", "open-bid-draft", "open-sign-off", "open-final-documents", "open-submission", "coverage-t-6", "coverage-t-3"],
            WakeNames(decision));
        Assert.Equal(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 3, 15), 5, new TimeOnly(9, 0), "account"), decision.WakeUps[1].When);
        Assert.Equal(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 3, 15), 0, new TimeOnly(9, 0), "account"), decision.WakeUps[2].When);
        Assert.Equal("needs", Definition.StepOf(state));
    }

    [Fact]
    public void A_late_start_two_months_out_opens_the_past_milestones_at_once_with_a_warning()
    {
        var at = new DateTimeOffset(2026, 10, 15, 15, 0, 0, TimeSpan.Zero);
        var registered = Registered(at: at);
        var warning = Assert.Single(((Event.Registered)registered[0]).Warnings);
        Assert.Contains("needs, buying-group, bid-draft", warning, StringComparison.Ordinal);

        var (state, decision) = Run(Fold(registered), BidApproved(), at);

        // The three past ones late; the sign-off too, since the bid draft's day (when it opens) has passed, but on time.
        Assert.Equal(
            [(TenderMilestone.Needs, true), (TenderMilestone.BuyingGroup, true), (TenderMilestone.BidDraft, true), (TenderMilestone.SignOff, false)],
            decision.Events.OfType<Event.MilestoneOpened>().Select(o => (o.Milestone, o.Late)));
        Assert.Equal(6, TaskKinds(decision).Count);
        Assert.Equal("tender-1|sign-off|1", Assert.Single(decision.Children).BusinessKey);
        Assert.All(decision.Effects.OfType<CreateTask>(), t => Assert.Equal(new TaskDue.Business(new WakeTime.BusinessDaysLater(2, new TimeOnly(17, 0), "account")), t.Due));
        Assert.DoesNotContain("remind-needs", WakeNames(decision)); // late: no reminder before a day that has passed
        Assert.Contains("escalate-needs", WakeNames(decision));
        Assert.Equal(["open-final-documents", "open-submission"], WakeNames(decision).Where(n => n.StartsWith("open-", StringComparison.Ordinal)));
        // Both coverage checks are past: one check now, not two.
        Assert.Equal([new CheckBuyingGroupCoverage("acc-1", "t-3")], decision.Effects.OfType<CheckBuyingGroupCoverage>());
        Assert.DoesNotContain(WakeNames(decision), n => n.StartsWith("coverage-", StringComparison.Ordinal));
        Assert.Equal([true, true, true, false, false, false], state.Milestones.Select(m => m.LateStart));
    }

    [Fact]
    public void The_next_milestone_opens_when_its_wake_up_comes_and_only_once()
    {
        var state = Fold(Bidding());
        var june = new DateTimeOffset(2026, 3, 13, 12, 0, 0, TimeSpan.Zero);

        var (opened, decision) = Run(state, Woke("open-buying-group"), june);

        Assert.Equal([new Event.MilestoneOpened(TenderMilestone.BuyingGroup, false, june)], decision.Events);
        Assert.Equal(["tender-buying-group-buying-group-mapped", "tender-buying-group-specification-meetings"], TaskKinds(decision));
        Assert.Equal("opened already", Decide(opened, Woke("open-buying-group")).StaleReason);
    }

    [Fact]
    public void A_reminder_emails_the_KAM_and_an_overdue_milestone_is_escalated_to_the_head_of_KAM_once()
    {
        var state = Fold(Bidding());

        var reminder = Decide(state, Woke("remind-needs"));
        var email = Assert.IsType<SendEmail>(Assert.Single(reminder.Effects));
        Assert.Equal(("reminder", Kam, NotificationCategory.Reminder), (email.Template, email.To.UserId, email.Category));
        Assert.Equal("PNCP-2026-0042 · needs", email.Values!["what"]);

        var (escalated, escalation) = Run(state, Woke("escalate-needs"));
        var toHead = Assert.IsType<SendEmail>(Assert.Single(escalation.Effects));
        Assert.Equal(("tender-escalation", Head, NotificationCategory.Escalation), (toHead.Template, toHead.To.UserId, toHead.Category));
        Assert.Equal("escalated already", Decide(escalated, Woke("escalate-needs")).StaleReason);
    }

    [Fact]
    public void Ticking_every_item_by_hand_or_by_task_makes_the_milestone_done_and_stops_its_wake_ups()
    {
        var state = Fold(Bidding());

        var (half, first) = Run(state, Received(new Command.TickItem("needs", "customer-needs")), sender: KamSender);
        Assert.Equal([new Event.ItemTicked(TenderMilestone.Needs, "customer-needs", Kam, Now)], first.Events);
        Assert.True(Decide(half, Received(new Command.TickItem("needs", "customer-needs")), sender: KamSender).ChangesNothing);

        var (done, last) = Run(half, Received(new Command.ItemDone("t1", "done", Kam, "tender-needs-key-success-factors")));
        Assert.Equal(
            [new Event.ItemTicked(TenderMilestone.Needs, "key-success-factors", Kam, Now), new Event.MilestoneDone(TenderMilestone.Needs, Now)],
            last.Events);
        Assert.Equal(["open-needs", "remind-needs", "escalate-needs"], last.CancelWakeUps);
        Assert.True(done.MilestoneOf(TenderMilestone.Needs)!.IsDone);
        Assert.Equal("the milestone is not open", Decide(done, Woke("escalate-needs")).StaleReason);
    }

    [Theory]
    [InlineData("nope", "customer-needs", "no such milestone")]
    [InlineData("needs", "pricing", "no such item on that checklist")]
    [InlineData("sign-off", "director-sign-off", "the director's approval signs the bid off")]
    public void Ticking_what_is_not_on_a_checklist_is_stale(string milestone, string item, string reason) =>
        Assert.Equal(reason, Decide(Fold(Bidding()), Received(new Command.TickItem(milestone, item)), sender: KamSender).StaleReason);

    [Fact]
    public void The_coverage_check_gives_a_task_per_gap_naming_the_role_or_the_contact()
    {
        var state = Fold(Bidding());
        var june = new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
        var check = Decide(state, Woke("coverage-t-6"), june);
        Assert.Equal([new CheckBuyingGroupCoverage("acc-1", "t-6")], check.Effects);

        var (checkedState, found) = Run(state, Received(new Command.CoverageFound("t-6",
            [new("c1", KamFlows.Domain.Accounts.DecisionRole.DecisionMaker, new DateOnly(2026, 1, 10)), new("c2", KamFlows.Domain.Accounts.DecisionRole.User, new DateOnly(2026, 6, 1))])), june);

        Assert.Equal(["tender-coverage-stale-contact", "tender-coverage-missing-influencer"], TaskKinds(found));
        Assert.Contains("contact c1 (decision maker)", found.Effects.OfType<CreateTask>().First().Title, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(checkedState.CoverageChecks, c => c.Name == "t-6").Gaps.Count);
        Assert.True(Decide(checkedState, Received(new Command.CoverageFound("t-6", []))).ChangesNothing);
        Assert.Equal("checked already", Decide(checkedState, Woke("coverage-t-6")).StaleReason);
    }

    [Fact]
    public void A_rejected_sign_off_gives_a_revision_task_and_its_completion_asks_the_director_again()
    {
        var state = Fold(Bidding());
        var (signing, opening) = Run(state, Woke("open-sign-off"));
        Assert.Equal(new Event.SignOffRequested(1, Now), opening.Events[1]);
        var first = Assert.Single(opening.Children);
        Assert.Equal("tender-1|sign-off|1", first.BusinessKey);
        Assert.Equal([Director], first.Parties[ApprovalRequestDefinition.Approver]);
        Assert.Equal([Head], first.Parties[ApprovalRequestDefinition.Alternate]);

        var (rejected, rejection) = Run(signing, ChildDone("tender-1|sign-off|1", ApprovalOutcomes.Rejected, Verdict.Reject, "Price too high"));
        Assert.Equal([new Event.SignOffRejected(1, "Price too high", Now)], rejection.Events);
        Assert.Equal(["tender-revise-bid"], TaskKinds(rejection));

        var (again, revised) = Run(rejected, Received(new Command.ItemDone("t9", "done", Kam, "tender-revise-bid")));
        Assert.Equal([new Event.SignOffRequested(2, Now)], revised.Events);
        Assert.Equal("tender-1|sign-off|2", Assert.Single(revised.Children).BusinessKey);
        Assert.Equal("not the pending sign-off round", Decide(again, ChildDone("tender-1|sign-off|1", ApprovalOutcomes.Approved, Verdict.Approve, null)).StaleReason);

        var (approved, approval) = Run(again, ChildDone("tender-1|sign-off|2", ApprovalOutcomes.Approved, Verdict.Approve, null));
        Assert.Equal(
            [new Event.SignOffApproved(2, Head, Now), new Event.ItemTicked(TenderMilestone.SignOff, "director-sign-off", Head, Now), new Event.MilestoneDone(TenderMilestone.SignOff, Now)],
            approval.Events);
        Assert.True(approved.MilestoneOf(TenderMilestone.SignOff)!.IsDone);
        Assert.False(approved.SignOffPending);
    }

    [Fact]
    public void Moving_the_date_later_replans_what_is_not_done_and_re_arms_its_wake_ups()
    {
        var (state, _) = Run(Fold(Bidding()), Received(new Command.TickItem("needs", "customer-needs")), sender: KamSender);
        state = Run(state, Received(new Command.TickItem("needs", "key-success-factors")), sender: KamSender).State;

        var (moved, decision) = Run(state, Received(new Command.ChangeDate(new DateOnly(2027, 3, 15), Postponed: true)), sender: KamSender);

        var replanned = Assert.IsType<Event.Replanned>(Assert.Single(decision.Events));
        Assert.Same(state.Milestones[0], replanned.Milestones[0]);
        Assert.Equal(new DateOnly(2026, 9, 15), moved.MilestoneOf(TenderMilestone.BuyingGroup)!.Due);
        Assert.Equal(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 9, 15), 0, new TimeOnly(9, 0), "account"), decision.WakeUps.Single(w => w.Name == "open-bid-draft").When);
        Assert.Equal(new DateOnly(2026, 9, 15), moved.CoverageChecks[0].On);
        Assert.Equal(1, moved.DateChanges);
        Assert.True(Decide(moved, Received(new Command.ChangeDate(new DateOnly(2027, 3, 15))), sender: KamSender).ChangesNothing);
        Assert.Equal("a postponement moves the date later", Decide(moved, Received(new Command.ChangeDate(new DateOnly(2027, 1, 15), Postponed: true)), sender: KamSender).StaleReason);
    }

    [Fact]
    public void Moving_the_date_earlier_than_a_done_milestone_keeps_it_and_opens_the_rest_late_at_once()
    {
        var (state, _) = Run(Fold(Bidding()), Received(new Command.TickItem("needs", "customer-needs")), sender: KamSender);
        state = Run(state, Received(new Command.TickItem("needs", "key-success-factors")), sender: KamSender).State;
        var at = new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero);

        var (moved, decision) = Run(state, Received(new Command.ChangeDate(new DateOnly(2026, 3, 14))), at, KamSender);

        Assert.True(moved.MilestoneOf(TenderMilestone.Needs)!.IsDone);
        Assert.Equal(new DateOnly(2026, 3, 15), moved.MilestoneOf(TenderMilestone.Needs)!.Due);
        Assert.Equal(
            [TenderMilestone.BuyingGroup, TenderMilestone.BidDraft, TenderMilestone.SignOff, TenderMilestone.FinalDocuments],
            decision.Events.OfType<Event.MilestoneOpened>().Select(o => o.Milestone));
        Assert.Single(decision.Children); // the sign-off is asked for at once
        Assert.Contains(decision.WakeUps, w => w.Name == "open-submission");
        Assert.Contains(moved.Warnings, w => w.Contains("moved to 2026-03-14", StringComparison.Ordinal));
        Assert.Equal("The tender date is after today.", Decide(moved, Received(new Command.ChangeDate(new DateOnly(2026, 3, 1))), at, KamSender).StaleReason);
    }

    [Fact]
    public void Won_gives_kickoff_escort_and_recommendation_tasks_and_ends()
    {
        var state = Submitted();

        var decision = Decide(state, Received(new Command.RecordOutcome(TenderResult.Won)), sender: KamSender);

        Assert.Equal("won", decision.Outcome);
        Assert.Equal(["tender-contract-kickoff", "tender-escort", "tender-escort", "tender-escort", "tender-recommendation-letter"], TaskKinds(decision));
        Assert.Equal(new TaskDue.Business(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 5, 31), 0, new TimeOnly(9, 0), "account")), decision.Effects.OfType<CreateTask>().Last().Due);
    }

    [Fact]
    public void Lost_needs_reasons_and_gives_a_loss_review()
    {
        var state = Submitted();
        Assert.Equal("A loss needs its reasons.", Decide(state, Received(new Command.RecordOutcome(TenderResult.Lost, [" "])), sender: KamSender).StaleReason);

        var (lost, decision) = Run(state, Received(new Command.RecordOutcome(TenderResult.Lost, ["price", "specification"], "Rival 8% cheaper")), sender: KamSender);

        Assert.Equal("lost", decision.Outcome);
        Assert.Equal(["tender-loss-review"], TaskKinds(decision));
        Assert.Equal(["price", "specification"], lost.Reasons);
        Assert.Equal(TenderResult.Lost, lost.Result);
    }

    [Fact]
    public void Won_before_the_submission_is_stale() =>
        Assert.Equal("the bid has not been submitted yet", Decide(Fold(Bidding()), Received(new Command.RecordOutcome(TenderResult.Won)), sender: KamSender).StaleReason);

    [Fact]
    public void Cancelling_during_the_bid_decision_withdraws_the_request_and_ends()
    {
        var decision = Decide(Fold(Registered()), Received(new Command.Cancel("Buyer went elsewhere")), sender: KamSender);

        Assert.Equal("cancelled", decision.Outcome);
        Assert.Equal([new WithdrawApproval("tender-1|bid")], decision.Effects);
    }

    [Fact]
    public void The_buyer_calling_the_tender_off_during_a_sign_off_withdraws_it()
    {
        var (signing, _) = Run(Fold(Bidding()), Woke("open-sign-off"));

        var decision = Decide(signing, Received(new Command.RecordOutcome(TenderResult.CancelledByBuyer, ["budget cut"])), sender: KamSender);

        Assert.Equal("cancelled-by-buyer", decision.Outcome);
        Assert.Equal([new WithdrawApproval("tender-1|sign-off|1")], decision.Effects.OfType<WithdrawApproval>());
        var close = Assert.IsType<CloseTasks>(Assert.Single(decision.Effects.OfType<CloseTasks>()));
        Assert.Equal((Kam, CloseTasks.Cancelled), (close.AssigneeUserId, close.Outcome));
        Assert.Contains("tender-record-outcome", close.TaskKinds);
    }

    [Fact]
    public void Cancelling_while_preparing_closes_the_checklist_gap_and_revision_tasks_as_cancelled()
    {
        var decision = Decide(Fold(Bidding()), Received(new Command.Cancel("Buyer went elsewhere")), sender: KamSender);

        var close = Assert.IsType<CloseTasks>(Assert.Single(decision.Effects.OfType<CloseTasks>()));
        Assert.Equal((Kam, CloseTasks.Cancelled), (close.AssigneeUserId, close.Outcome));
        Assert.Contains("tender-needs-customer-needs", close.TaskKinds);
        Assert.Contains("tender-submission-submission-confirmed", close.TaskKinds);
        Assert.Contains("tender-coverage-stale-contact", close.TaskKinds);
        Assert.Contains("tender-coverage-missing-decision-maker", close.TaskKinds);
        Assert.Contains("tender-revise-bid", close.TaskKinds);
    }

    [Fact]
    public void Recording_the_outcome_closes_the_record_outcome_task_as_done_and_the_rest_as_cancelled_but_not_the_outcomes_own_tasks()
    {
        foreach (var outcome in new[] { new Command.RecordOutcome(TenderResult.Won), new Command.RecordOutcome(TenderResult.Lost, ["price"]) })
        {
            var decision = Decide(Submitted(), Received(outcome), sender: KamSender);

            var closes = decision.Effects.OfType<CloseTasks>().ToList();
            Assert.Equal([(["tender-record-outcome"], CreateTask.Done)], closes.Where(c => c.Outcome == CreateTask.Done).Select(c => (c.TaskKinds.ToArray(), c.Outcome)));
            var cancelled = Assert.Single(closes, c => c.Outcome == CloseTasks.Cancelled);
            Assert.DoesNotContain("tender-record-outcome", cancelled.TaskKinds);
            Assert.All(TaskKinds(decision), kind => Assert.DoesNotContain(kind, closes.SelectMany(c => c.TaskKinds)));
        }
    }

    [Fact]
    public void Nothing_closes_tasks_before_the_tender_ends()
    {
        var (bidding, decided) = Run(Fold(Registered()), new ProcessInput<Command>.ChildCompleted("a", "ApprovalRequest", "tender-1|bid", "approved", null));
        var ticked = Decide(bidding, Received(new Command.TickItem("needs", "customer-needs")), sender: KamSender);
        var moved = Decide(bidding, Received(new Command.ChangeDate(TenderDate.AddMonths(1))), sender: KamSender);
        var noBid = Decide(Fold(Registered()), new ProcessInput<Command>.ChildCompleted("a", "ApprovalRequest", "tender-1|bid", "rejected", null));

        Assert.All(new[] { decided, ticked, moved, noBid }, d => Assert.DoesNotContain(d.Effects, e => e is CloseTasks));
    }

    [Fact]
    public void Version_two_asks_the_KAM_to_record_the_outcome_after_the_submission_and_version_one_does_not()
    {
        var state = Fold(Bidding());
        foreach (var version in new[] { 1, 2 })
        {
            var definition = new TenderPreparationDefinition(version);
            var decision = definition.Decide(Received(new Command.TickItem("submission", "submission-confirmed")), state, Context(sender: KamSender));
            Assert.Equal(version == 2 ? ["tender-record-outcome"] : [], TaskKinds(decision));
        }
    }

    [Fact]
    public void Only_the_KAM_or_the_head_of_KAM_change_a_tender_and_only_the_system_reports_tasks() =>
        Assert.Multiple(
            () => Assert.False(Definition.WhoMaySend(new Command.ChangeDate(TenderDate)).Allows(Sender.Person("kam-9", [KamFlows.Domain.Organisation.Role.Kam]), Context().Parties)),
            () => Assert.True(Definition.WhoMaySend(new Command.Cancel("x")).Allows(Sender.Person(Head, [KamFlows.Domain.Organisation.Role.HeadOfKam]), Context().Parties)),
            () => Assert.False(Definition.WhoMaySend(new Command.ItemDone("t", "done", Kam)).Allows(KamSender, Context().Parties)));

    private static TenderState Submitted()
    {
        var (state, _) = Run(Fold(Bidding()), Received(new Command.TickItem("submission", "submission-confirmed")), sender: KamSender);
        Assert.Equal("awaiting-outcome", Definition.StepOf(state));
        return state;
    }
}
