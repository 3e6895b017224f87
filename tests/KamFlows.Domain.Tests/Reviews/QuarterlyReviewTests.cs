using AccountClass = KamFlows.Domain.Accounts.AccountClass;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Email;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Reviews;
using KamFlows.Domain.Tasks;
using static KamFlows.Domain.Tests.Reviews.Reviews;
using Event = KamFlows.Domain.Reviews.QuarterlyReviewEvent;

namespace KamFlows.Domain.Tests.Reviews;

/// <summary>A review opens for the KAM, is chased on the KAM's business days, goes to the director round by round, and closes approved.</summary>
public sealed class QuarterlyReviewTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Five = new(17, 0);

    [Fact]
    public void Opening_emails_the_kam_the_package_and_gives_a_task_due_ten_business_days_later()
    {
        var spec = Spec();

        var decision = spec.When(Open()).ThenOne<Event.Opened>();

        var email = Assert.IsType<SendEmail>(decision.Effects[0]);
        Assert.Equal(("review-opened", Kam, "1", "2", "B → A", "75"), (email.Template, email.To.UserId, email.Values!["milestonesMet"], email.Values["milestones"], email.Values["classChange"], email.Values["healthScore"]));
        var task = Assert.IsType<CreateTask>(decision.Effects[1]);
        Assert.Equal(new CreateTask("quarterly-review", Kam, new TaskDue.Business(new WakeTime.BusinessDaysLater(10, Five, "kam")), Account), task);
        Assert.Equal("with-kam", Definition.StepOf(spec.State));
        Assert.Equal(new WaitingOn("kam", Now), Definition.WaitingOnOf(spec.State));
    }

    [Fact]
    public void Reminders_come_three_business_days_before_the_due_date_and_on_it_and_escalation_two_after() =>
        Assert.Equal(
            [
                ("remind-before", new WakeTime.BusinessDaysLater(7, Nine, "kam")),
                ("remind-due", new WakeTime.BusinessDaysLater(10, Nine, "kam")),
                ("overdue", new WakeTime.BusinessDaysLater(10, Five, "kam")),
                ("escalate", new WakeTime.BusinessDaysLater(12, Nine, "kam")),
            ],
            Wakes(Spec().When(Open()).ThenOne<Event.Opened>()));

    [Fact]
    public void A_review_whose_director_is_the_kam_is_refused_and_sends_nothing()
    {
        var parties = Parties();
        parties[QuarterlyReviewDefinition.Director] = [Kam];

        var decision = Spec(parties: parties).When(Open()).ThenOne<Event.Refused>();

        Assert.Empty(decision.Effects);
        Assert.Equal("refused", decision.Outcome);
    }

    [Fact]
    public void Opening_twice_is_stale() =>
        Assert.Equal("already open", Spec().Given(Opened()).When(Open()).Then().StaleReason);

    [Fact]
    public void A_reminder_emails_the_kam_as_a_reminder()
    {
        var decision = Spec().Given(Opened()).When(Woke("remind-before")).Then(new Event.Reminded("remind-before", Now));

        var email = Assert.IsType<SendEmail>(Assert.Single(decision.Effects));
        Assert.Equal(("review-reminder", Kam, NotificationCategory.Reminder, "before-due"), (email.Template, email.To.UserId, email.Category, email.Values!["when"]));
    }

    [Fact]
    public void The_due_time_makes_the_review_overdue_and_escalation_emails_the_head_of_kam_once()
    {
        var spec = Spec().Given(Opened());

        spec.When(Woke("overdue")).Then(new Event.BecameOverdue(Now));
        var escalation = spec.When(Woke("escalate")).Then(new Event.Escalated(Now));

        Assert.True(spec.State.Overdue);
        var email = Assert.IsType<SendEmail>(Assert.Single(escalation.Effects));
        Assert.Equal(("review-escalation", Head, NotificationCategory.Escalation), (email.Template, email.To.UserId, email.Category));
        Assert.Equal("escalated already", spec.When(Woke("escalate")).Then().StaleReason);
    }

    [Fact]
    public void Submitting_asks_the_director_for_approval_with_the_sections_and_stops_the_chasing()
    {
        var spec = Spec(KamSender).Given(Opened());

        var decision = spec.When(new QuarterlyReviewCommand.Submit(3, Sections)).Then(Submitted(1, 3));

        Assert.Equal(["remind-before", "remind-due", "overdue", "escalate"], decision.CancelWakeUps);
        var child = Assert.Single(decision.Children);
        Assert.Equal((ApprovalRequestDefinition.DefinitionName, $"{Account}|{Quarter}|1"), (child.Definition, child.BusinessKey));
        Assert.Equal([Director], child.Parties["approver"]);
        Assert.Equal([Alternate], child.Parties["alternate"]);
        Assert.Equal([Kam], child.Parties["requester"]);
        Assert.Equal(Lisbon, child.Calendars["approver"]);
        var request = Assert.IsType<ApprovalCommand.Request>(child.StartCommand);
        Assert.Equal(Sections, request.Sections);
        Assert.Equal(Kam, request.RequesterUserId);
        Assert.Contains("2026-Q2:", request.Summary.Title, StringComparison.Ordinal);
        Assert.Contains("B → A", request.Summary.Text, StringComparison.Ordinal);
        Assert.Equal(new WaitingOn("director", Now), Definition.WaitingOnOf(spec.State));
        Assert.Equal("awaiting-approval", Definition.StepOf(spec.State));
    }

    [Fact]
    public void Submitting_closes_the_kams_review_task_as_done()
    {
        var decision = Spec(KamSender).Given(Opened()).When(new QuarterlyReviewCommand.Submit(3, Sections)).Then(Submitted(1, 3));

        var close = Assert.IsType<CloseTasks>(Assert.Single(decision.Effects));
        Assert.Equal((Kam, Account, CreateTask.Done), (close.AssigneeUserId, close.AccountId, close.Outcome));
        Assert.Equal(["quarterly-review", "quarterly-review-revision"], close.TaskKinds);
    }

    [Fact]
    public void Resubmitting_after_a_rejection_closes_the_revision_task_as_done_for_the_kam_of_now()
    {
        var spec = Spec(Domain.Processes.Sender.Person("kam-2", [Domain.Organisation.Role.Kam]))
            .Given([.. Opened(), Submitted(1, 3), new Event.SentBack(1, Rejected("Too low"), Now), new Event.KamChanged(Kam, "kam-2")]);

        var decision = spec.When(new QuarterlyReviewCommand.Submit(4, Sections)).Then(Submitted(2, 4));

        var close = Assert.IsType<CloseTasks>(Assert.Single(decision.Effects));
        Assert.Equal(("kam-2", CreateTask.Done), (close.AssigneeUserId, close.Outcome));
        Assert.Contains("quarterly-review-revision", close.TaskKinds);
    }

    [Fact]
    public void Approval_closes_any_task_of_the_review_still_open_as_cancelled()
    {
        var decision = Spec().Given([.. Opened(), Submitted(1, 3)]).When(Completed(1, Approved())).ThenOne<Event.Approved>();

        var close = Assert.Single(decision.Effects.OfType<CloseTasks>());
        Assert.Equal((Kam, Account, CloseTasks.Cancelled), (close.AssigneeUserId, close.AccountId, close.Outcome));
        Assert.Equal(["quarterly-review", "quarterly-review-revision"], close.TaskKinds);
    }

    [Fact]
    public void Nothing_but_the_submission_and_the_approval_closes_tasks()
    {
        var spec = Spec(KamSender);
        var decisions = new List<Decision<Event>>
        {
            spec.When(Open()).Then([.. Opened()]),
            spec.When(Woke("remind-before")).ThenOne<Event.Reminded>(),
            spec.When(Woke("overdue")).ThenOne<Event.BecameOverdue>(),
            spec.When(Woke("escalate")).ThenOne<Event.Escalated>(),
        };
        spec.When(new QuarterlyReviewCommand.Submit(3, Sections));
        decisions.Add(spec.When(new QuarterlyReviewCommand.Submit(4, Sections)).Then()); // stale: submitted already
        decisions.Add(spec.When(Completed(1, Rejected("Too low"))).ThenOne<Event.SentBack>());
        decisions.Add(spec.When(Woke("remind-due")).ThenOne<Event.Reminded>());
        decisions.Add(spec.When(Completed(1, Approved())).Then()); // stale: an earlier round

        Assert.All(decisions, d => Assert.DoesNotContain(d.Effects, e => e is CloseTasks));
    }

    [Fact]
    public void Submitting_again_while_the_director_decides_is_stale() =>
        Assert.StartsWith("submitted already", Spec(KamSender).Given([.. Opened(), Submitted(1, 3)]).When(new QuarterlyReviewCommand.Submit(4, Sections)).Then().StaleReason, StringComparison.Ordinal);

    [Fact]
    public void A_reminder_after_the_submission_is_stale() =>
        Assert.Equal("not with the KAM", Spec().Given([.. Opened(), Submitted(1, 3)]).When(Woke("remind-due")).Then().StaleReason);

    [Fact]
    public void A_rejection_goes_back_to_the_kam_with_the_comments_an_email_a_task_and_a_shorter_turn()
    {
        var spec = Spec().Given([.. Opened(), Submitted(1, 3)]);

        var decision = spec.When(Completed(1, Rejected("Targets too low"))).ThenOne<Event.SentBack>();

        var email = Assert.IsType<SendEmail>(decision.Effects[0]);
        Assert.Equal(("review-sent-back", Kam, "Targets too low", "rejected"), (email.Template, email.To.UserId, email.Values!["comment"], email.Values["outcome"]));
        Assert.Equal(new CreateTask("quarterly-review-revision", Kam, new TaskDue.Business(new WakeTime.BusinessDaysLater(5, Five, "kam")), Account), decision.Effects[1]);
        Assert.Equal(new ReviewDecision(Account, 3, false, "Targets too low", Director, null), decision.Effects[2]);
        Assert.Equal(
            [
                ("remind-before", new WakeTime.BusinessDaysLater(2, Nine, "kam")),
                ("remind-due", new WakeTime.BusinessDaysLater(5, Nine, "kam")),
                ("overdue", new WakeTime.BusinessDaysLater(5, Five, "kam")),
                ("escalate", new WakeTime.BusinessDaysLater(7, Nine, "kam")),
            ],
            Wakes(decision));
        Assert.Equal("revising", Definition.StepOf(spec.State));
        Assert.Equal(new WaitingOn("kam", Now), Definition.WaitingOnOf(spec.State));
    }

    [Fact]
    public void A_partly_approved_round_names_the_rejected_sections_to_the_kam()
    {
        var partly = new ApprovalResult(ApprovalOutcomes.PartlyApproved, Now, Director, null, DecidedAs.Approver, null, null,
            [new("objectives", Verdict.Approve, null), new("goals", Verdict.Reject, "Goal 2 is vague")]);

        var decision = Spec().Given([.. Opened(), Submitted(1, 3)]).When(Completed(1, partly)).ThenOne<Event.SentBack>();

        Assert.Equal("goals: Goal 2 is vague", Assert.IsType<SendEmail>(decision.Effects[0]).Values!["sections"]);
    }

    [Fact]
    public void Rejected_twice_then_approved_keeps_every_round_and_closes_with_the_class_change()
    {
        var spec = Spec(KamSender).Given(Opened());
        spec.When(new QuarterlyReviewCommand.Submit(3, Sections));
        spec.When(Completed(1, Rejected("Too low")));
        spec.When(new QuarterlyReviewCommand.Submit(4, Sections));
        spec.When(Completed(2, Rejected("Still too low")));
        spec.When(new QuarterlyReviewCommand.Submit(5, Sections)).Then(Submitted(3, 5));

        var decision = spec.When(Completed(3, Approved())).ThenOne<Event.Approved>();

        Assert.Equal("approved", decision.Outcome);
        Assert.Equal(new ReviewDecision(Account, 5, true, "Go", Director, AccountClass.A), decision.Effects[0]);
        Assert.Equal("review-approved", Assert.IsType<SendEmail>(decision.Effects[1]).Template);
        Assert.Equal([(1, 3, "rejected", "Too low"), (2, 4, "rejected", "Still too low"), (3, 5, "approved", "Go")],
            spec.State.Rounds.Select(r => (r.Number, r.PlanVersion, r.Outcome, r.Comment)));
        Assert.Equal("approved", Definition.StepOf(spec.State));
        Assert.Null(Definition.WaitingOnOf(spec.State));
    }

    [Fact]
    public void An_expired_approval_sends_the_review_back_without_deciding_the_version()
    {
        var expired = ApprovalResult.Undecided(ApprovalOutcomes.Expired, Now);

        var decision = Spec().Given([.. Opened(), Submitted(1, 3)]).When(Completed(1, expired)).ThenOne<Event.SentBack>();

        Assert.DoesNotContain(decision.Effects, e => e is ReviewDecision);
    }

    [Fact]
    public void The_completion_of_an_earlier_rounds_approval_is_stale() =>
        Assert.Equal("not the approval of the current round",
            Spec().Given([.. Opened(), Submitted(1, 3), new Event.SentBack(1, Rejected("x"), Now), Submitted(2, 4)]).When(Completed(1, Approved())).Then().StaleReason);

    [Fact]
    public void After_approval_everything_is_stale() =>
        Assert.Equal("the review is closed",
            Spec(KamSender).Given([.. Opened(), Submitted(1, 3), new Event.Approved(1, Approved(), Now)]).When(new QuarterlyReviewCommand.Submit(4, Sections)).Then().StaleReason);

    [Fact]
    public void Only_the_kam_may_submit_and_only_the_system_opens()
    {
        Assert.True(Definition.WhoMaySend(new QuarterlyReviewCommand.Submit(1, Sections)).Allows(KamSender, Parties()));
        Assert.False(Definition.WhoMaySend(new QuarterlyReviewCommand.Submit(1, Sections)).Allows(Domain.Processes.Sender.Person(Director, []), Parties()));
        Assert.False(Definition.WhoMaySend(Open()).Allows(KamSender, Parties()));
    }

    [Fact]
    public void A_new_owner_of_the_account_becomes_the_reviews_kam()
    {
        var spec = Spec().Given(Opened());

        var decision = spec.When(new ProcessInput<QuarterlyReviewCommand>.AccountReassigned(Account, Kam, "kam-2")).Then(new Event.KamChanged(Kam, "kam-2"));

        Assert.Equal(["kam-2"], Assert.Single(decision.PartyChanges).Members);
        Assert.Equal("kam-2", spec.State.KamUserId);
    }
}
