using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using static KamFlows.Domain.Tests.Approvals.Approvals;
using Command = KamFlows.Domain.Approvals.ApprovalCommand;
using Event = KamFlows.Domain.Approvals.ApprovalEvent;

namespace KamFlows.Domain.Tests.Approvals;

/// <summary>The approver's delegation starts or ends while a request is pending: it is re-routed, never to the requester.</summary>
public sealed class DelegationTests
{
    private static readonly PartyCalendar Lisbon = new("PT", null, "Lisboa", "Europe/Lisbon");

    [Fact]
    public void A_delegation_that_starts_reroutes_the_request_to_the_delegate_with_a_note_on_whose_behalf()
    {
        var spec = Spec().Given(Started());

        var decision = spec.When(new Command.DelegationChanged(Deputy, Lisbon)).Then(new Event.RoutedToDelegate(Deputy));

        Assert.Equal([("approver.delegates", Deputy, Lisbon)], Changes(decision));
        Assert.Equal([EmailTo(Deputy, ApprovalEmailPurpose.Rerouted, onBehalfOf: Director)], decision.Effects);
        Assert.Empty(decision.WakeUps); // the approver's reminder and escalation keep their dates
        Assert.Equal(Deputy, spec.State.DelegateUserId);
    }

    [Fact]
    public void A_delegation_that_ends_brings_the_request_back_to_the_approver()
    {
        var spec = Spec().Given([.. Started(), new Event.RoutedToDelegate(Deputy)]);

        var decision = spec.When(new Command.DelegationChanged(null)).Then(new Event.DelegationEnded(Deputy));

        Assert.Equal([("approver.delegates", "", null)], Changes(decision));
        Assert.Equal([EmailTo(Director, ApprovalEmailPurpose.Rerouted)], decision.Effects);
        Assert.Null(spec.State.DelegateUserId);
    }

    [Fact]
    public void A_new_delegate_replaces_the_previous_one()
    {
        var decision = Spec().Given([.. Started(), new Event.RoutedToDelegate(Deputy)])
            .When(new Command.DelegationChanged("dir-3", Lisbon)).Then(new Event.RoutedToDelegate("dir-3"));

        Assert.Equal([("approver.delegates", "dir-3", Lisbon)], Changes(decision));
        Assert.Equal([EmailTo("dir-3", ApprovalEmailPurpose.Rerouted, onBehalfOf: Director)], decision.Effects);
    }

    [Fact]
    public void The_same_delegation_told_again_changes_nothing()
    {
        Assert.True(Spec().Given([.. Started(), new Event.RoutedToDelegate(Deputy)]).When(new Command.DelegationChanged(Deputy, Lisbon)).Then().ChangesNothing);
        Assert.True(Spec().Given(Started()).When(new Command.DelegationChanged(null)).Then().ChangesNothing);
    }

    [Fact]
    public void A_delegate_who_is_the_requester_is_refused_the_approver_keeps_the_request_and_the_refusal_is_recorded()
    {
        var spec = Spec().Given(Started());

        var decision = spec.When(new Command.DelegationChanged(Kam, Lisbon)).Then(new Event.DelegateRefused(Kam, DelegationRefusal.DelegateIsTheRequester));

        Assert.Equal([("approver.delegates", "", null)], Changes(decision));
        Assert.Empty(decision.Effects);
        Assert.Null(spec.State.DelegateUserId);
        Assert.Equal([new RefusedDelegate(Kam, DelegationRefusal.DelegateIsTheRequester)], spec.State.RefusedDelegates);
    }

    [Fact]
    public void Refusing_the_requester_as_new_delegate_also_takes_the_request_back_from_the_previous_delegate()
    {
        var decision = Spec().Given([.. Started(), new Event.RoutedToDelegate(Deputy)])
            .When(new Command.DelegationChanged(Kam)).Then(new Event.DelegateRefused(Kam, DelegationRefusal.DelegateIsTheRequester), new Event.DelegationEnded(Deputy));

        Assert.Equal([("approver.delegates", "", null)], Changes(decision));
        Assert.Equal([EmailTo(Director, ApprovalEmailPurpose.Rerouted)], decision.Effects);
    }

    [Fact]
    public void A_delegation_after_escalation_still_reroutes_the_approvers_side() =>
        Assert.Equal(
            [EmailTo(Deputy, ApprovalEmailPurpose.Rerouted, onBehalfOf: Director)],
            Spec().Given(Escalated()).When(new Command.DelegationChanged(Deputy)).Then(new Event.RoutedToDelegate(Deputy)).Effects);

    [Fact]
    public void A_delegation_change_after_the_decision_is_stale() =>
        Assert.Equal("already decided", Spec(Person(Director)).Given(Started()).When(Approve()).When(new Command.DelegationChanged(Deputy)).Then().StaleReason);

    [Theory]
    [InlineData("dir-2", "dir-1", "kam-1", null)]
    [InlineData("kam-1", "dir-1", "kam-1", DelegationRefusal.DelegateIsTheRequester)]
    [InlineData("KAM-1", "dir-1", "kam-1", DelegationRefusal.DelegateIsTheRequester)]
    [InlineData("dir-1", "dir-1", "kam-1", DelegationRefusal.DelegateIsTheApprover)]
    [InlineData("kam-1", "dir-1", null, null)]
    public void The_delegation_rule_the_delegation_api_asks_too(string delegateId, string approver, string? requester, DelegationRefusal? expected) =>
        Assert.Equal(expected, DelegationRule.Check(delegateId, approver, requester));
}
