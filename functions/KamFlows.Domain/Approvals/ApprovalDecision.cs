namespace KamFlows.Domain.Approvals;

public enum Verdict
{
    Approve,
    Reject,
}

/// <summary>
/// What an approver decides: the request as a whole (<see cref="Verdict"/>) or section by section
/// (<see cref="Sections"/>), never both; with an overall comment. Any rejection needs a comment
/// (<see cref="ApprovalDecisionRules"/>).
/// </summary>
public sealed record ApprovalDecision(Verdict? Verdict, IReadOnlyList<SectionVerdict>? Sections = null, string? Comment = null)
{
    public static ApprovalDecision Whole(Verdict verdict, string? comment = null) => new(verdict, null, comment);

    public static ApprovalDecision BySection(IReadOnlyList<SectionVerdict> sections, string? comment = null) => new(null, sections, comment);
}

/// <summary>The verdict on one section, with its own comment (required when it is rejected).</summary>
public sealed record SectionVerdict(string SectionId, Verdict Verdict, string? Comment = null);
