using KamFlows.Domain.Email;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Proposals;
using KamFlows.Domain.Tasks;
using static KamFlows.Domain.Tests.Proposals.Proposals;
using Command = KamFlows.Domain.Proposals.ProposalCommand;
using Event = KamFlows.Domain.Proposals.ProposalEvent;

namespace KamFlows.Domain.Tests.Proposals;

/// <summary>Validity, extension, expiry and the outcomes: what each plans and how the process ends.</summary>
public sealed class OutcomeTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly string[] Everything = ["receipt-call", "meeting-reminder", "validity-reminder", "expiry"];

    [Fact]
    public void The_validity_reminder_emails_the_kam_and_the_expiry_ends_the_proposal()
    {
        var spec = Spec().Given(Confirmed());

        var reminded = spec.When(Woke("validity-reminder")).Then(new Event.ValidityReminded(Now));
        var email = Assert.IsType<SendEmail>(Assert.Single(reminded.Effects));
        Assert.Equal(("proposal-validity-reminder", EmailRecipient.User(Kam), "2026-04-30"), (email.Template, email.To, email.Values!["validUntil"]));

        var expired = spec.When(Woke("expiry")).Then(new Event.Expired(Now));
        Assert.Equal("expired", expired.Outcome);
        Assert.Equal(Everything, expired.CancelWakeUps);
        Assert.StartsWith("the proposal has ended", spec.When(new Command.RecordOutcome(ProposalOutcome.Won)).Then().StaleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_plans_the_reminder_and_the_expiry_again_and_must_be_later()
    {
        var spec = Spec().Given(Confirmed());
        var later = new DateOnly(2026, 5, 29);

        var extended = spec.When(new Command.Extend(later)).Then(new Event.Extended(later, Now));

        Assert.Equal(
        [
            new WakeUpRequest("validity-reminder", new WakeTime.BusinessDaysFrom(later, -5, Nine, "kam")),
            new WakeUpRequest("expiry", new WakeTime.BusinessDaysFrom(later, 0, new TimeOnly(18, 0), "customer")),
        ], extended.WakeUps);
        Assert.Equal(later, spec.State.Terms!.ValidUntil);
        Assert.NotNull(spec.When(new Command.Extend(new DateOnly(2026, 5, 1))).Then().StaleReason);
    }

    [Fact]
    public void A_win_gives_the_delivery_call_feedback_and_recommendation_tasks_at_their_configured_days_and_ends()
    {
        var timings = new ProposalTimings(DeliveryCallAfterDays: 3, FeedbackAfterDays: 20, RecommendationAfterDays: 45);
        var spec = Spec().Given([new Event.Submitted(Terms, timings, Kam, Now), new Event.Sent(1, Now)]);

        var won = spec.When(new Command.RecordOutcome(ProposalOutcome.Won)).Then(new Event.Won(Now));

        Assert.Equal(
        [
            new CreateTask("proposal-delivery-call", Kam, new TaskDue.Business(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 3, 30), 0, Nine, "kam")), Account),
            new CreateTask("proposal-feedback", Kam, new TaskDue.Business(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 4, 16), 0, Nine, "kam")), Account),
            new CreateTask("proposal-recommendation", Kam, new TaskDue.Business(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 5, 11), 0, Nine, "kam")), Account),
        ], won.Effects);
        Assert.Equal("won", won.Outcome);
        Assert.Equal(Everything, won.CancelWakeUps);
        Assert.Null(V1.WaitingOnOf(spec.State));
    }

    [Fact]
    public void A_loss_needs_its_reason_and_gives_a_loss_review_the_next_business_morning()
    {
        Assert.Equal("a lost proposal needs the reason", Spec().Given(Confirmed()).When(new Command.RecordOutcome(ProposalOutcome.Lost)).Then().StaleReason);

        var spec = Spec().Given(Confirmed());
        var lost = spec.When(new Command.RecordOutcome(ProposalOutcome.Lost, LossReason.Competitor)).Then(new Event.Lost(LossReason.Competitor, Now));

        Assert.Equal([new CreateTask("proposal-loss-review", Kam, new TaskDue.Business(new WakeTime.BusinessDaysLater(1, Nine, "kam")), Account)], lost.Effects);
        Assert.Equal(("lost", LossReason.Competitor), (lost.Outcome, spec.State.LossReason));
    }

    [Fact]
    public void Withdrawing_and_cancelling_end_the_proposal_with_nothing_more_to_do()
    {
        var withdrawn = Spec().Given(Sent()).When(new Command.RecordOutcome(ProposalOutcome.Withdrawn)).Then(new Event.Withdrawn(Now));
        Assert.Equal(("withdrawn", 0), (withdrawn.Outcome, withdrawn.Effects.Count));

        var spec = Spec().Given(Sent());
        var cancelled = spec.When(new Command.Cancel()).Then(new Event.Cancelled(Now));
        Assert.Equal(("cancelled", "cancelled"), (cancelled.Outcome, V1.StepOf(spec.State)));
        Assert.Equal(Everything, cancelled.CancelWakeUps);
    }

    [Fact]
    public void Every_ending_closes_the_call_meeting_and_address_tasks_given_as_cancelled_and_keeps_the_tasks_the_outcome_gives()
    {
        Event[] busy =
        [
            .. Sent(), new Event.EmailBounced("bounce", Now), new Event.CallDue(Now), new Event.ReceiptConfirmed(ReceiptConfirmedBy.Call, Now),
            new Event.NextStepsAgreed(UrgencyOrigin.Budget, MeetingKind.Meeting, Now.AddDays(5), Now),
        ];
        var endings = new[]
        {
            Spec().Given(busy).When(new Command.RecordOutcome(ProposalOutcome.Won)).Then(new Event.Won(Now)),
            Spec().Given(busy).When(new Command.RecordOutcome(ProposalOutcome.Lost, LossReason.Price)).Then(new Event.Lost(LossReason.Price, Now)),
            Spec().Given(busy).When(new Command.RecordOutcome(ProposalOutcome.Withdrawn)).Then(new Event.Withdrawn(Now)),
            Spec().Given(busy).When(Woke("expiry")).Then(new Event.Expired(Now)),
            Spec().Given(busy).When(new Command.Cancel()).Then(new Event.Cancelled(Now)),
        };

        foreach (var ended in endings)
        {
            var close = Assert.Single(ended.Effects.OfType<CloseTasks>());
            Assert.Equal((Kam, Account, CloseTasks.Cancelled), (close.AssigneeUserId, close.AccountId, close.Outcome));
            Assert.Equal(["proposal-call", "proposal-meeting", "proposal-correct-address"], close.TaskKinds);
        }

        Assert.Equal(["proposal-delivery-call", "proposal-feedback", "proposal-recommendation"], endings[0].Effects.OfType<CreateTask>().Select(t => t.TaskKind));
        Assert.Equal(["proposal-loss-review"], endings[1].Effects.OfType<CreateTask>().Select(t => t.TaskKind));
    }

    [Fact]
    public void An_ending_closes_only_the_kinds_of_task_the_proposal_gave()
    {
        var onlyACall = Spec().Given([.. Sent(), new Event.CallDue(Now)]).When(new Command.Cancel()).Then(new Event.Cancelled(Now));
        var none = Spec().Given(Confirmed()).When(new Command.RecordOutcome(ProposalOutcome.Withdrawn)).Then(new Event.Withdrawn(Now));

        Assert.Equal(["proposal-call"], Assert.IsType<CloseTasks>(Assert.Single(onlyACall.Effects)).TaskKinds);
        Assert.Empty(none.Effects);
    }

    [Fact]
    public void A_submission_without_a_contact_is_refused_and_sends_nothing()
    {
        var decision = Spec().When(new Command.Submit(Terms with { ContactIds = [] })).ThenOne<Event.Refused>();

        Assert.Equal(("refused", 0), (decision.Outcome, decision.Effects.Count));
    }
}
