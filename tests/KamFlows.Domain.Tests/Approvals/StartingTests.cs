using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using static KamFlows.Domain.Tests.Approvals.Approvals;
using Event = KamFlows.Domain.Approvals.ApprovalEvent;

namespace KamFlows.Domain.Tests.Approvals;

public sealed class StartingTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Fact]
    public void A_request_emails_the_approver_a_link_and_waits_on_the_approver()
    {
        var spec = Spec().When(Request());
        var decision = spec.Then(Started());

        Assert.Equal([EmailTo(Director, ApprovalEmailPurpose.Request)], decision.Effects);
        Assert.Empty(decision.PartyChanges);
        Assert.Null(decision.Outcome);
        Assert.Equal("awaiting-decision", Definition.StepOf(spec.State));
        Assert.Equal(new WaitingOn("approver", Now), Definition.WaitingOnOf(spec.State));
    }

    [Fact]
    public void The_request_keeps_what_is_asked_who_asked_who_approves_and_the_alternate()
    {
        var state = Spec().When(Request()).State;

        Assert.Equal(Summary, state.Summary);
        Assert.Equal(Sections, state.Sections);
        Assert.Equal(Kam, state.RequesterUserId);
        Assert.Equal(Director, state.ApproverUserId);
        Assert.Equal([HeadOfKam], state.AlternateUserIds);
        Assert.Null(state.DelegateUserId);
    }

    [Fact]
    public void Reminder_and_escalation_are_business_days_of_the_approver_at_nine_by_default()
    {
        var decision = Spec().When(Request()).Then(Started());

        Assert.Equal(
            [
                new WakeUpRequest("remind", new WakeTime.BusinessDaysLater(3, Nine, "approver")),
                new WakeUpRequest("escalate", new WakeTime.BusinessDaysLater(5, Nine, "approver")),
            ],
            decision.WakeUps);
    }

    [Fact]
    public void Timings_are_configurable_per_request_and_a_deadline_sets_its_own_wake_up()
    {
        var deadline = Now.AddDays(20);

        var spec = Spec().When(Request(deadline: deadline, timings: new ApprovalTimings(2, 4)));
        var decision = spec.ThenOne<Event.Requested>();

        Assert.Equal(
            [
                new WakeUpRequest("remind", new WakeTime.BusinessDaysLater(2, Nine, "approver")),
                new WakeUpRequest("escalate", new WakeTime.BusinessDaysLater(4, Nine, "approver")),
                new WakeUpRequest("deadline", new WakeTime.At(deadline)),
            ],
            decision.WakeUps);
        Assert.Equal((new ApprovalTimings(2, 4), deadline), (spec.State.Timings, spec.State.Deadline));
    }

    [Fact]
    public void With_a_current_delegate_the_request_goes_to_the_delegate_on_the_approvers_behalf()
    {
        var spec = Spec(parties: Parties(delegateId: Deputy)).When(Request());

        var decision = spec.Then(Started()[0], new Event.RoutedToDelegate(Deputy));

        Assert.Equal([EmailTo(Deputy, ApprovalEmailPurpose.Request, onBehalfOf: Director)], decision.Effects);
        Assert.Equal(Deputy, spec.State.DelegateUserId);
        Assert.Equal(new WaitingOn("approver", Now), Definition.WaitingOnOf(spec.State)); // the waiting list of "approver" includes its delegates
    }

    [Fact]
    public void A_delegate_who_is_the_requester_is_refused_at_the_start_and_the_request_stays_with_the_approver()
    {
        var spec = Spec(parties: Parties(delegateId: Kam)).When(Request());

        var decision = spec.Then(Started()[0], new Event.DelegateRefused(Kam, DelegationRefusal.DelegateIsTheRequester));

        Assert.Equal([EmailTo(Director, ApprovalEmailPurpose.Request)], decision.Effects);
        Assert.Equal([("approver.delegates", "", null)], Changes(decision));
        Assert.Null(spec.State.DelegateUserId);
        Assert.Equal([new RefusedDelegate(Kam, DelegationRefusal.DelegateIsTheRequester)], spec.State.RefusedDelegates);
    }

    [Fact]
    public void A_second_request_is_stale() =>
        Assert.Equal("already requested", Spec().Given(Started()).When(Request()).Then().StaleReason);

    [Fact]
    public void Only_the_system_starts_a_request_or_tells_of_a_delegation()
    {
        var parties = Parties();

        Assert.True(Definition.WhoMaySend(Request()).Allows(Sender.System, parties));
        Assert.False(Definition.WhoMaySend(Request()).Allows(Person(Kam), parties));
        Assert.False(Definition.WhoMaySend(new ApprovalCommand.DelegationChanged(Deputy)).Allows(Person(Director), parties));
    }
}
