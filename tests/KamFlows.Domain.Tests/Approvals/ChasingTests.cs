using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using static KamFlows.Domain.Tests.Approvals.Approvals;
using Command = KamFlows.Domain.Approvals.ApprovalCommand;
using Event = KamFlows.Domain.Approvals.ApprovalEvent;

namespace KamFlows.Domain.Tests.Approvals;

/// <summary>An undecided request is reminded, escalated, and expires at its deadline; the requester can withdraw it.</summary>
public sealed class ChasingTests
{
    [Fact]
    public void A_reminder_emails_the_approver_again()
    {
        var spec = Spec().Given(Started());

        var decision = spec.When(Woke("remind")).Then(new Event.Reminded(Director, Now));

        Assert.Equal([EmailTo(Director, ApprovalEmailPurpose.Reminder)], decision.Effects);
        Assert.Equal(1, spec.State.Reminders);
        Assert.Equal("awaiting-decision", Definition.StepOf(spec.State));
    }

    [Fact]
    public void A_reminder_goes_to_the_delegate_who_holds_the_request_on_the_approvers_behalf()
    {
        var decision = Spec().Given([.. Started(), new Event.RoutedToDelegate(Deputy)]).When(Woke("remind")).Then(new Event.Reminded(Deputy, Now));

        Assert.Equal([EmailTo(Deputy, ApprovalEmailPurpose.Reminder, onBehalfOf: Director)], decision.Effects);
    }

    [Fact]
    public void Escalation_emails_the_alternate_and_the_request_then_waits_on_the_alternate()
    {
        var spec = Spec().Given(Started());

        var decision = spec.When(Woke("escalate")).Then(new Event.Escalated(Now));

        Assert.Equal([EmailTo(HeadOfKam, ApprovalEmailPurpose.Escalation, onBehalfOf: Director)], decision.Effects);
        Assert.Empty(decision.PartyChanges);
        Assert.Equal("escalated", Definition.StepOf(spec.State));
        Assert.Equal(new WaitingOn("alternate", Now), Definition.WaitingOnOf(spec.State));
    }

    [Fact]
    public void Escalating_twice_is_stale() =>
        Assert.Equal("already escalated", Spec().Given(Escalated()).When(Woke("escalate")).Then().StaleReason);

    [Fact]
    public void At_the_deadline_an_undecided_request_expires_and_tells_the_parent()
    {
        var spec = Spec().Given(Started(deadline: Later));

        var decision = spec.When(Woke("deadline")).Then(new Event.Expired(ApprovalResult.Undecided("expired", Now)));

        Assert.Equal("expired", decision.Outcome);
        var result = Assert.IsType<ApprovalResult>(decision.Result);
        Assert.Null(result.DecidedBy);
        Assert.Equal("expired", Definition.StepOf(spec.State));
        Assert.Null(Definition.WaitingOnOf(spec.State));
    }

    [Fact]
    public void An_escalated_request_expires_too() =>
        Assert.Equal("expired", Spec().Given(Escalated()).When(Woke("deadline")).Then(new Event.Expired(ApprovalResult.Undecided("expired", Now))).Outcome);

    [Fact]
    public void The_requester_withdraws_and_the_parent_learns_who()
    {
        var decision = Spec(Person(Kam)).Given(Started()).When(new Command.Withdraw())
            .Then(new Event.Withdrawn(ApprovalResult.Undecided("withdrawn", Now, Kam)));

        Assert.Equal("withdrawn", decision.Outcome);
        Assert.Equal(Kam, Assert.IsType<ApprovalResult>(decision.Result).DecidedBy);
    }

    [Fact]
    public void The_parent_withdraws_as_the_system() =>
        Assert.Equal("withdrawn", Spec().Given(Started()).When(new Command.Withdraw()).Then(new Event.Withdrawn(ApprovalResult.Undecided("withdrawn", Now))).Outcome);

    [Fact]
    public void Only_the_requester_or_the_system_may_withdraw()
    {
        var rule = Definition.WhoMaySend(new Command.Withdraw());

        Assert.True(rule.Allows(Person(Kam), Parties()));
        Assert.True(rule.Allows(Sender.System, Parties()));
        Assert.False(rule.Allows(Person(Director), Parties()));
        Assert.False(rule.Allows(Person(Stranger), Parties()));
    }

    [Theory]
    [InlineData("remind")]
    [InlineData("escalate")]
    [InlineData("deadline")]
    public void Nothing_is_chased_once_the_request_has_ended(string wakeUp) =>
        Assert.NotNull(Spec().Given([.. Started(), new Event.Withdrawn(ApprovalResult.Undecided("withdrawn", Now))]).When(Woke(wakeUp)).Then().StaleReason);
}
