using KamFlows.Domain.Approvals;
using KamFlows.Domain.Email;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Proposals;
using static KamFlows.Domain.Tests.Proposals.Proposals;
using Command = KamFlows.Domain.Proposals.ProposalCommand;
using Event = KamFlows.Domain.Proposals.ProposalEvent;

namespace KamFlows.Domain.Tests.Proposals;

/// <summary>Version 2: a discount above the KAM's limit waits for the director; version 1 sends it at once.</summary>
public sealed class DiscountTests
{
    private static ProcessInput<Command> Approval(string outcome) =>
        new ProcessInput<Command>.ChildCompleted("approvalrequest-1", ApprovalRequestDefinition.DefinitionName, "k", outcome);

    [Fact]
    public void Version_1_sends_a_discount_above_the_limit_at_once()
    {
        var decision = Spec(V1).When(Submit(discount: 8m)).Then(Sent());

        Assert.Empty(decision.Children);
        Assert.Equal(2, decision.Effects.Count);
    }

    [Fact]
    public void Version_2_sends_a_discount_within_the_limit_at_once()
    {
        var decision = Spec(V2).When(Submit(discount: 5m)).Then([new Event.Submitted(Terms with { DiscountPercent = 5m }, ProposalTimings.Default, Kam, Now), new Event.Sent(1, Now)]);

        Assert.Empty(decision.Children);
        Assert.All(decision.Effects, e => Assert.IsType<ProposalEmail>(e));
    }

    [Fact]
    public void Version_2_asks_the_director_about_a_discount_above_the_limit_and_sends_nothing_yet()
    {
        var spec = Spec(V2);

        var decision = spec.When(Submit(discount: 8m)).Then(new Event.Submitted(Terms, ProposalTimings.Default, Kam, Now), new Event.DiscountApprovalRequested(8m, 5m, Director));

        var child = Assert.Single(decision.Children);
        Assert.Equal((ApprovalRequestDefinition.DefinitionName, "proposal-discount|proposalfollowup-1"), (child.Definition, child.BusinessKey));
        Assert.Equal([Director], child.Parties[ApprovalRequestDefinition.Approver]);
        Assert.Equal([Alternate], child.Parties[ApprovalRequestDefinition.Alternate]);
        Assert.Equal([Kam], child.Parties[ApprovalRequestDefinition.Requester]);
        Assert.Equal(Kam, Assert.IsType<ApprovalCommand.Request>(child.StartCommand).RequesterUserId);
        Assert.Empty(decision.Effects);
        Assert.DoesNotContain(decision.WakeUps, w => w.Name == "receipt-call");
        Assert.Equal("awaiting-approval", V2.StepOf(spec.State));
        Assert.Equal("the discount awaits the director's decision", spec.When(new Command.Resend()).Then().StaleReason);
    }

    [Fact]
    public void An_approved_discount_sends_the_proposal()
    {
        var spec = Spec(V2).Given(new Event.Submitted(Terms, ProposalTimings.Default, Kam, Now), new Event.DiscountApprovalRequested(8m, 5m, Director));

        var decision = spec.When(Approval(ApprovalOutcomes.Approved)).Then(new Event.DiscountApproved(Now), new Event.Sent(1, Now));

        Assert.Equal([new ProposalEmail(Account, "c-1", Kam, 1), new ProposalEmail(Account, "c-2", Kam, 1)], decision.Effects);
        Assert.Equal("awaiting-receipt", V2.StepOf(spec.State));
    }

    [Theory]
    [InlineData(ApprovalOutcomes.Rejected)]
    [InlineData(ApprovalOutcomes.Expired)]
    [InlineData(ApprovalOutcomes.PartlyApproved)]
    public void Anything_but_an_approval_tells_the_kam_and_never_sends(string outcome)
    {
        var spec = Spec(V2).Given(new Event.Submitted(Terms, ProposalTimings.Default, Kam, Now), new Event.DiscountApprovalRequested(8m, 5m, Director));

        var decision = spec.When(Approval(outcome)).Then(new Event.DiscountRejected(outcome, Now));

        var email = Assert.IsType<SendEmail>(Assert.Single(decision.Effects));
        Assert.Equal(("proposal-discount-rejected", EmailRecipient.User(Kam)), (email.Template, email.To));
        Assert.Equal("discount-rejected", decision.Outcome);
    }
}
