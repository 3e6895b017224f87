using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using static KamFlows.Domain.Tests.Approvals.Approvals;
using Command = KamFlows.Domain.Approvals.ApprovalCommand;
using Event = KamFlows.Domain.Approvals.ApprovalEvent;

namespace KamFlows.Domain.Tests.Approvals;

/// <summary>Who may decide, when, and what the parent learns: who decided (the authenticated sender), for whom, and every section's verdict.</summary>
public sealed class DecidingTests
{
    [Fact]
    public void The_approver_approves_as_a_whole_and_every_section_is_approved()
    {
        var spec = Spec(Person(Director)).Given(Started());

        var decision = spec.When(Approve("Good plan.")).ThenOne<Event.Decided>();

        Assert.Equal("approved", decision.Outcome);
        var result = Assert.IsType<ApprovalResult>(decision.Result);
        Assert.Equal(("approved", Director, (string?)null, DecidedAs.Approver, Verdict.Approve, "Good plan.", Now),
            (result.Outcome, result.DecidedBy, result.OnBehalfOf, result.As!.Value, result.Verdict!.Value, result.Comment, result.At));
        Assert.Equal([new SectionResult("objectives", Verdict.Approve, null), new SectionResult("discount", Verdict.Approve, null)], result.Sections);
        Assert.Same(result, spec.State.Result);
        Assert.Equal("decided", Definition.StepOf(spec.State));
        Assert.Null(Definition.WaitingOnOf(spec.State));
    }

    [Fact]
    public void The_approver_rejects_with_a_comment()
    {
        var decision = Spec(Person(Director)).Given(Started()).When(Reject("Margin too thin.")).ThenOne<Event.Decided>();

        Assert.Equal("rejected", decision.Outcome);
        Assert.Equal("Margin too thin.", Assert.IsType<ApprovalResult>(decision.Result).Comment);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_without_a_comment_is_refused_and_changes_nothing(string? comment)
    {
        var spec = Spec(Person(Director)).Given(Started());

        var decision = spec.When(Reject(comment)).Then();

        Assert.Equal("invalid decision: comment: A rejection needs a comment saying why.", decision.StaleReason);
        Assert.Null(decision.Outcome);
        Assert.Equal("awaiting-decision", Definition.StepOf(spec.State));
    }

    [Fact]
    public void Deciding_section_by_section_with_some_rejected_is_partly_approved()
    {
        var decision = Spec(Person(Director)).Given(Started()).When(new Command.Decide(ApprovalDecision.BySection(
            [new SectionVerdict("discount", Verdict.Reject, "7% is beyond authority."), new SectionVerdict("objectives", Verdict.Approve)],
            "Objectives fine."))).ThenOne<Event.Decided>();

        Assert.Equal("partly-approved", decision.Outcome);
        var result = Assert.IsType<ApprovalResult>(decision.Result);
        Assert.Null(result.Verdict);
        Assert.Equal("Objectives fine.", result.Comment);
        Assert.Equal( // in the request's order, whatever order the verdicts came in
            [new SectionResult("objectives", Verdict.Approve, null), new SectionResult("discount", Verdict.Reject, "7% is beyond authority.")],
            result.Sections);
    }

    [Theory]
    [InlineData(Verdict.Approve, Verdict.Approve, "approved")]
    [InlineData(Verdict.Reject, Verdict.Reject, "rejected")]
    [InlineData(Verdict.Approve, Verdict.Reject, "partly-approved")]
    public void Section_verdicts_give_the_outcome(Verdict objectives, Verdict discount, string outcome) =>
        Assert.Equal(outcome, Spec(Person(Director)).Given(Started()).When(new Command.Decide(ApprovalDecision.BySection(
            [new SectionVerdict("objectives", objectives, "why"), new SectionVerdict("discount", discount, "why")]))).ThenOne<Event.Decided>().Outcome);

    [Fact]
    public void A_section_rejected_without_its_own_comment_is_refused()
    {
        var decision = Spec(Person(Director)).Given(Started()).When(new Command.Decide(ApprovalDecision.BySection(
            [new SectionVerdict("objectives", Verdict.Approve), new SectionVerdict("discount", Verdict.Reject)], "An overall comment is not the section's."))).Then();

        Assert.Equal("invalid decision: sections[discount].comment: A rejection needs a comment saying why.", decision.StaleReason);
    }

    [Fact]
    public void A_section_left_without_a_verdict_is_refused() =>
        Assert.Equal("invalid decision: sections[discount]: Every section needs a verdict.",
            Spec(Person(Director)).Given(Started()).When(new Command.Decide(ApprovalDecision.BySection([new SectionVerdict("objectives", Verdict.Approve)]))).Then().StaleReason);

    [Fact]
    public void A_delegate_decides_on_the_approvers_behalf()
    {
        var parties = Parties(delegateId: Deputy);

        var decision = Spec(Person(Deputy), parties).Given([.. Started(), new Event.RoutedToDelegate(Deputy)]).When(Approve()).ThenOne<Event.Decided>();

        var result = Assert.IsType<ApprovalResult>(decision.Result);
        Assert.Equal((Deputy, Director, DecidedAs.Delegate), (result.DecidedBy, result.OnBehalfOf, result.As));
    }

    [Fact]
    public void The_approver_can_still_decide_while_a_delegate_holds_the_request()
    {
        var result = Assert.IsType<ApprovalResult>(Spec(Person(Director), Parties(delegateId: Deputy))
            .Given([.. Started(), new Event.RoutedToDelegate(Deputy)]).When(Approve()).ThenOne<Event.Decided>().Result);

        Assert.Equal((Director, (string?)null, DecidedAs.Approver), (result.DecidedBy, result.OnBehalfOf, result.As));
    }

    [Fact]
    public void Who_decided_is_the_authenticated_sender_not_anything_the_command_says()
    {
        var result = Assert.IsType<ApprovalResult>(Spec(Person(Deputy), Parties(delegateId: Deputy))
            .Given([.. Started(), new Event.RoutedToDelegate(Deputy)]).When(Approve()).ThenOne<Event.Decided>().Result);

        Assert.Equal(Deputy, result.DecidedBy); // the command has no "by": it cannot claim to be the director
    }

    [Fact]
    public void The_alternate_before_escalation_is_refused() =>
        Assert.Equal("not escalated to you", Spec(Person(HeadOfKam)).Given(Started()).When(Approve()).Then().StaleReason);

    [Fact]
    public void The_alternate_after_escalation_decides_on_the_approvers_behalf()
    {
        var result = Assert.IsType<ApprovalResult>(Spec(Person(HeadOfKam)).Given(Escalated()).When(Reject("Not this quarter.")).ThenOne<Event.Decided>().Result);

        Assert.Equal(("rejected", HeadOfKam, Director, DecidedAs.Alternate), (result.Outcome, result.DecidedBy, result.OnBehalfOf, result.As));
    }

    [Fact]
    public void The_approver_may_still_decide_after_escalation() =>
        Assert.Equal("approved", Spec(Person(Director)).Given(Escalated()).When(Approve()).ThenOne<Event.Decided>().Outcome);

    [Fact]
    public void A_second_decision_is_stale()
    {
        var spec = Spec(Person(Director)).Given(Started());
        spec.When(Approve()).ThenOne<Event.Decided>();

        var second = spec.When(Reject("Changed my mind.")).Then();

        Assert.Equal("already decided", second.StaleReason);
        Assert.Equal("approved", spec.State.Result!.Outcome);
    }

    [Fact]
    public void The_requester_never_decides_their_own_request_even_when_bound_as_a_delegate() =>
        Assert.Equal("no one decides their own request",
            Spec(Person(Kam), Parties(delegateId: Kam)).Given(Started()).When(Approve()).Then().StaleReason);

    [Fact]
    public void Someone_bound_to_no_party_is_refused() =>
        Assert.Equal("not an approver of this request", Spec(Person(Stranger)).Given(Started()).When(Approve()).Then().StaleReason);

    [Fact]
    public void A_decision_after_the_request_was_withdrawn_is_stale() =>
        Assert.Equal("the request has ended (withdrawn)",
            Spec(Person(Director)).Given([.. Started(), new Event.Withdrawn(ApprovalResult.Undecided("withdrawn", Now))]).When(Approve()).Then().StaleReason);

    [Fact]
    public void The_approver_a_delegate_and_the_alternate_may_send_a_decision_and_a_forwarded_link_or_a_stranger_may_not()
    {
        var parties = Parties(delegateId: Deputy);
        var rule = Definition.WhoMaySend(Approve());

        Assert.True(rule.Allows(Person(Director), parties));
        Assert.True(rule.Allows(Person(Deputy), parties));
        Assert.True(rule.Allows(Person(HeadOfKam), parties));
        Assert.False(rule.Allows(Person(Stranger), parties));
        Assert.False(rule.Allows(Sender.LinkHolder(Director), parties));
        Assert.False(rule.Allows(Sender.System, parties));
    }
}
