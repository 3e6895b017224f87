using KamFlows.Domain.Email;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Proposals;
using KamFlows.Domain.Tasks;
using static KamFlows.Domain.Tests.Proposals.Proposals;
using Command = KamFlows.Domain.Proposals.ProposalCommand;
using Event = KamFlows.Domain.Proposals.ProposalEvent;

namespace KamFlows.Domain.Tests.Proposals;

/// <summary>From submission to receipt and next steps: the email, the call when nobody confirms, the meeting and its reminder, bounces.</summary>
public sealed class FollowUpTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Fact]
    public void A_submission_emails_every_contact_and_plans_the_call_the_validity_reminder_and_the_expiry()
    {
        var spec = Spec();

        var decision = spec.When(Submit()).Then(Sent());

        Assert.Equal([new ProposalEmail(Account, "c-1", Kam, 1), new ProposalEmail(Account, "c-2", Kam, 1)], decision.Effects);
        Assert.Equal(
        [
            new WakeUpRequest("validity-reminder", new WakeTime.BusinessDaysFrom(new DateOnly(2026, 4, 30), -5, Nine, "kam")),
            new WakeUpRequest("expiry", new WakeTime.BusinessDaysFrom(new DateOnly(2026, 4, 30), 0, new TimeOnly(18, 0), "customer")),
            new WakeUpRequest("receipt-call", new WakeTime.BusinessDaysLater(1, Nine, "customer")),
        ], decision.WakeUps);
        Assert.Equal("awaiting-receipt", V1.StepOf(spec.State));
        Assert.Equal(new WaitingOn("customer", Now), V1.WaitingOnOf(spec.State));
    }

    [Fact]
    public void The_validity_reminder_comes_as_many_business_days_before_as_configured()
    {
        var timings = new ProposalTimings(ValidityReminderBusinessDays: 2);
        var decision = Spec().When(Submit(timings: timings)).Then(Sent(timings));

        Assert.Contains(new WakeUpRequest("validity-reminder", new WakeTime.BusinessDaysFrom(new DateOnly(2026, 4, 30), -2, Nine, "kam")), decision.WakeUps);
    }

    [Fact]
    public void Without_confirmation_the_call_wake_up_gives_the_kam_a_call_task_due_when_it_woke()
    {
        var due = new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero);
        var decision = Spec().Given(Sent()).When(Woke("receipt-call", due)).Then(new Event.CallDue(due));

        var task = Assert.IsType<CreateTask>(Assert.Single(decision.Effects));
        Assert.Equal(("proposal-call", Kam, new TaskDue.At(due), Account, "call-task-done"), (task.TaskKind, task.AssigneeUserId, task.Due, task.AccountId, task.CompletionEvent));
        Assert.Equal(["reached", "no-answer"], task.OutcomeChoices);
    }

    [Fact]
    public void Confirmation_by_link_cancels_the_call_and_a_second_confirmation_changes_nothing()
    {
        var spec = Spec(sender: Sender.LinkHolder("acc-1:c-1")).Given(Sent());

        var decision = spec.When(new Command.ConfirmReceipt()).Then(new Event.ReceiptConfirmed(ReceiptConfirmedBy.Link, Now));

        Assert.Equal(["receipt-call"], decision.CancelWakeUps);
        Assert.True(spec.When(new Command.ConfirmReceipt()).Then().ChangesNothing);
        Assert.Equal("receipt-confirmed", V1.StepOf(spec.State));
        Assert.Equal(new Event.CallDue(Now), Spec().Given(Sent()).When(Woke("receipt-call")).ThenOne<Event.CallDue>().Events[0]);
        Assert.Equal("receipt is confirmed", spec.When(Woke("receipt-call")).Then().StaleReason);
    }

    [Fact]
    public void A_confirmation_while_the_call_task_is_out_closes_it_as_done_whoever_confirms()
    {
        Event[] called = [.. Sent(), new Event.CallDue(Now)];
        var byLink = Spec(sender: Sender.LinkHolder("acc-1:c-1")).Given(called).When(new Command.ConfirmReceipt()).Then(new Event.ReceiptConfirmed(ReceiptConfirmedBy.Link, Now));
        var byRecordedCall = Spec().Given(called).When(new Command.RecordCall()).Then(new Event.ReceiptConfirmed(ReceiptConfirmedBy.Call, Now));
        var at = Now.AddDays(3);
        var byNextSteps = Spec().Given(called).When(new Command.AgreeNextSteps(UrgencyOrigin.Budget, MeetingKind.Call, at))
            .Then(new Event.ReceiptConfirmed(ReceiptConfirmedBy.Call, Now), new Event.NextStepsAgreed(UrgencyOrigin.Budget, MeetingKind.Call, at, Now));

        foreach (var decision in new[] { byLink, byRecordedCall, byNextSteps })
        {
            var close = Assert.Single(decision.Effects.OfType<CloseTasks>());
            Assert.Equal((Kam, Account, CreateTask.Done), (close.AssigneeUserId, close.AccountId, close.Outcome));
            Assert.Equal(["proposal-call"], close.TaskKinds);
        }
    }

    [Fact]
    public void No_call_task_to_close_before_the_call_is_due_after_the_call_task_itself_confirms_or_when_confirmed_already()
    {
        var early = Spec(sender: Sender.LinkHolder("acc-1:c-1")).Given(Sent()).When(new Command.ConfirmReceipt()).Then(new Event.ReceiptConfirmed(ReceiptConfirmedBy.Link, Now));
        var byTask = Spec().Given([.. Sent(), new Event.CallDue(Now)]).When(new Command.CallTaskDone("t-1", "reached", Kam)).Then(new Event.ReceiptConfirmed(ReceiptConfirmedBy.Call, Now));
        var unanswered = Spec().Given([.. Sent(), new Event.CallDue(Now)]).When(new Command.CallTaskDone("t-1", "no-answer", Kam)).Then(new Event.CallUnanswered(Now));
        var again = Spec(sender: Sender.LinkHolder("acc-1:c-1")).Given([.. Sent(), new Event.CallDue(Now), new Event.ReceiptConfirmed(ReceiptConfirmedBy.Link, Now)])
            .When(new Command.ConfirmReceipt()).Then();

        Assert.All(new[] { early, byTask, unanswered, again }, d => Assert.DoesNotContain(d.Effects, e => e is CloseTasks));
    }

    [Fact]
    public void Only_a_holder_of_a_customer_link_confirms_receipt_and_only_the_kam_records_a_call()
    {
        var parties = new Dictionary<string, IReadOnlyList<string>> { ["kam"] = [Kam], ["customer"] = ["acc-1:c-1"] };

        Assert.True(V1.WhoMaySend(new Command.ConfirmReceipt()).Allows(Sender.LinkHolder("acc-1:c-1"), parties));
        Assert.False(V1.WhoMaySend(new Command.ConfirmReceipt()).Allows(Sender.LinkHolder("acc-1:c-9"), parties));
        Assert.False(V1.WhoMaySend(new Command.ConfirmReceipt()).Allows(KamSender, parties));
        Assert.True(V1.WhoMaySend(new Command.RecordCall()).Allows(KamSender, parties));
        Assert.False(V1.WhoMaySend(new Command.RecordCall()).Allows(Sender.Person("kam-2", [Organisation.Role.Kam]), parties));
        Assert.False(V1.WhoMaySend(new Command.Bounced("e", "bounce")).Allows(KamSender, parties));
    }

    [Fact]
    public void A_recorded_call_or_a_call_task_reached_confirms_receipt_and_no_answer_calls_again_the_next_business_morning()
    {
        Spec().Given(Sent()).When(new Command.RecordCall()).Then(new Event.ReceiptConfirmed(ReceiptConfirmedBy.Call, Now));
        Spec().Given(Sent()).When(new Command.CallTaskDone("t-1", "reached", Kam)).Then(new Event.ReceiptConfirmed(ReceiptConfirmedBy.Call, Now));

        var again = Spec().Given(Sent()).When(new Command.CallTaskDone("t-1", "no-answer", Kam)).Then(new Event.CallUnanswered(Now));

        Assert.Equal([new WakeUpRequest("receipt-call", new WakeTime.BusinessDaysLater(1, Nine, "customer"))], again.WakeUps);
    }

    [Fact]
    public void Next_steps_give_a_meeting_task_at_the_agreed_time_and_a_reminder_the_business_day_before_it()
    {
        var at = new DateTimeOffset(2026, 4, 7, 14, 30, 0, TimeSpan.FromHours(-3));
        var spec = Spec().Given(Confirmed());

        var decision = spec.When(new Command.AgreeNextSteps(UrgencyOrigin.Budget, MeetingKind.Meeting, at))
            .Then(new Event.NextStepsAgreed(UrgencyOrigin.Budget, MeetingKind.Meeting, at, Now));

        Assert.Equal([new CreateTask("proposal-meeting", Kam, new TaskDue.At(at), Account)], decision.Effects);
        Assert.Equal([new WakeUpRequest("meeting-reminder", new WakeTime.BusinessDaysFrom(new DateOnly(2026, 4, 7), -1, Nine, "kam"))], decision.WakeUps);
        Assert.Equal("next-steps-agreed", V1.StepOf(spec.State));

        var reminder = spec.When(Woke("meeting-reminder")).Then(new Event.MeetingReminded(Now));
        var email = Assert.IsType<SendEmail>(Assert.Single(reminder.Effects));
        Assert.Equal(("proposal-meeting-reminder", EmailRecipient.User(Kam), NotificationCategory.Reminder), (email.Template, email.To, email.Category));
        Assert.Equal("2026-04-07 14:30 -03:00", email.Values!["when"]);
    }

    [Fact]
    public void Next_steps_before_any_confirmation_confirm_receipt_too_and_a_past_time_is_refused()
    {
        var at = Now.AddDays(3);
        Spec().Given(Sent()).When(new Command.AgreeNextSteps(UrgencyOrigin.Tender, MeetingKind.Call, at))
            .Then(new Event.ReceiptConfirmed(ReceiptConfirmedBy.Call, Now), new Event.NextStepsAgreed(UrgencyOrigin.Tender, MeetingKind.Call, at, Now));

        Assert.Equal("the agreed time has passed", Spec().Given(Sent()).When(new Command.AgreeNextSteps(UrgencyOrigin.Tender, MeetingKind.Call, Now.AddHours(-1))).Then().StaleReason);
    }

    [Fact]
    public void A_bounce_gives_a_task_to_correct_the_address_and_resending_emails_every_contact_again()
    {
        var spec = Spec().Given(Sent());

        var bounced = spec.When(new Command.Bounced("e-1", "bounce")).Then(new Event.EmailBounced("bounce", Now));
        var task = Assert.IsType<CreateTask>(Assert.Single(bounced.Effects));
        Assert.Equal(("proposal-correct-address", Kam, new TaskDue.At(Now), Account, "address-task-done"), (task.TaskKind, task.AssigneeUserId, task.Due, task.AccountId, task.CompletionEvent));
        Assert.Equal(["resent", "given-up"], task.OutcomeChoices);

        var resent = spec.When(new Command.AddressTaskDone("t-2", "resent", Kam)).Then(new Event.Sent(2, Now));
        Assert.Equal([new ProposalEmail(Account, "c-1", Kam, 2), new ProposalEmail(Account, "c-2", Kam, 2)], resent.Effects);
        Assert.Equal([new WakeUpRequest("receipt-call", new WakeTime.BusinessDaysLater(1, Nine, "customer"))], resent.WakeUps);
        Spec().Given(Sent()).When(new Command.AddressTaskDone("t-2", "given-up", Kam)).Then(new Event.ResendGivenUp(Now));
        Assert.Equal("receipt is confirmed: nothing to resend", Spec().Given(Confirmed()).When(new Command.Resend()).Then().StaleReason);
    }

    [Fact]
    public void A_reassigned_account_hands_the_proposal_to_the_new_owner()
    {
        var decision = Spec().Given(Sent()).When(new ProcessInput<Command>.AccountReassigned(Account, Kam, "kam-2")).Then(new Event.KamChanged("kam-2"));

        var change = Assert.Single(decision.PartyChanges);
        Assert.Equal(("kam", "kam-2"), (change.Party, Assert.Single(change.Members)));
    }
}
