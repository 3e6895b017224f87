using KamFlows.Domain.Approvals;
using static KamFlows.Domain.Tests.Approvals.Approvals;
using Event = KamFlows.Domain.Approvals.ApprovalEvent;

namespace KamFlows.Domain.Tests.Approvals;

/// <summary>The validation the page, the API and the decider share, and what happens to a request a parent got wrong.</summary>
public sealed class RulesTests
{
    private static Dictionary<string, string[]> Errors(ApprovalDecision decision, IReadOnlyList<ApprovalSection>? sections = null) =>
        ApprovalDecisionRules.Validate(decision, sections ?? Sections).ByField();

    [Fact]
    public void A_whole_approval_without_a_comment_is_valid() =>
        Assert.Empty(ApprovalDecisionRules.Validate(ApprovalDecision.Whole(Verdict.Approve), Sections));

    [Fact]
    public void A_decision_with_no_verdict_or_with_both_kinds_is_invalid()
    {
        Assert.Equal(["verdict"], Errors(new ApprovalDecision(null)).Keys);
        Assert.Equal(["verdict"], Errors(new ApprovalDecision(Verdict.Approve, [new SectionVerdict("objectives", Verdict.Approve)])).Keys);
    }

    [Fact]
    public void Section_verdicts_on_a_request_without_sections_are_invalid() =>
        Assert.Equal(["sections"], Errors(ApprovalDecision.BySection([new SectionVerdict("objectives", Verdict.Approve)]), []).Keys);

    [Fact]
    public void Every_error_of_a_section_decision_is_reported_by_section()
    {
        var errors = Errors(ApprovalDecision.BySection(
        [
            new SectionVerdict("objectives", Verdict.Reject, " "),
            new SectionVerdict("objectives", Verdict.Approve),
            new SectionVerdict("pricing", Verdict.Approve),
        ]));

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["sections[objectives]"] = ["Give each section one verdict."],
                ["sections[objectives].comment"] = ["A rejection needs a comment saying why."],
                ["sections[pricing]"] = ["This request has no such section."],
                ["sections[discount]"] = ["Every section needs a verdict."],
            },
            errors);
    }

    [Fact]
    public void A_comment_longer_than_the_limit_is_refused_not_cut()
    {
        var tooLong = new string('x', ApprovalDecisionRules.MaxCommentLength + 1);

        Assert.Equal(["comment"], Errors(ApprovalDecision.Whole(Verdict.Approve, tooLong)).Keys);
        Assert.Equal(["sections[discount].comment"], Errors(ApprovalDecision.BySection(
            [new SectionVerdict("objectives", Verdict.Approve), new SectionVerdict("discount", Verdict.Approve, tooLong)])).Keys);
    }

    [Fact]
    public void A_request_without_an_approver_ends_at_once_as_invalid_telling_the_parent_and_sends_nothing()
    {
        var parties = Parties();
        parties.Remove("approver");
        var spec = Spec(parties: parties).When(Request());

        var decision = spec.ThenOne<Event.RequestRefused>();

        Assert.Equal("invalid", decision.Outcome);
        Assert.Equal("invalid", Assert.IsType<ApprovalResult>(decision.Result).Outcome);
        Assert.Empty(decision.Effects);
        Assert.Empty(decision.WakeUps);
        Assert.Equal([new FieldError("parties.approver", "One approver decides a request.")], spec.State.Errors);
        Assert.Equal("invalid", Definition.StepOf(spec.State));
    }

    [Fact]
    public void The_requester_may_be_neither_the_approver_nor_the_alternate()
    {
        var parties = Parties();
        parties["approver"] = [Kam];
        parties["alternate"] = [Kam];

        Assert.Equal(["parties.approver", "parties.alternate"], ApprovalRequestRules.Validate(Request(), parties, Now).ByField().Keys);
    }

    [Fact]
    public void A_request_needs_a_title_distinct_section_ids_a_future_deadline_a_requester_and_a_reminder_before_the_escalation()
    {
        var request = new ApprovalCommand.Request(
            new ApprovalSummary(" ", ""), [new("a", "A"), new("a", "Also A"), new("", "No id")], "", Now, new ApprovalTimings(0, 0));

        var errors = ApprovalRequestRules.Validate(request, Parties(), Now).ByField();

        Assert.Equal(
            ["summary.title", "sections[2]", "sections", "deadline", "timings.reminderAfterBusinessDays", "timings.escalationAfterBusinessDays", "requesterUserId"],
            errors.Keys);
    }

    [Fact]
    public void The_requester_must_be_the_requester_party_and_the_approver_has_at_most_one_delegate()
    {
        var parties = Parties();
        parties["approver.delegates"] = [Deputy, "dir-3"];

        var errors = ApprovalRequestRules.Validate(Request() with { RequesterUserId = Stranger }, parties, Now).ByField();

        Assert.Equal(["requesterUserId", "parties.approver.delegates"], errors.Keys);
    }

    [Fact]
    public void The_alternate_is_someone_other_than_the_approver()
    {
        var parties = Parties();
        parties["alternate"] = [Director];

        Assert.Equal(["parties.alternate"], ApprovalRequestRules.Validate(Request(), parties, Now).ByField().Keys);
    }

    [Fact]
    public void The_standard_request_is_valid() =>
        Assert.Empty(ApprovalRequestRules.Validate(Request(), Parties(), Now));
}
