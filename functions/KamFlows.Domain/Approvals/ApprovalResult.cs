namespace KamFlows.Domain.Approvals;

/// <summary>How an approval request can end: the outcome its parent receives.</summary>
public static class ApprovalOutcomes
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>Decided section by section, some approved and some rejected.</summary>
    public const string PartlyApproved = "partly-approved";

    /// <summary>The deadline passed without a decision.</summary>
    public const string Expired = "expired";

    /// <summary>The requester (or the parent) no longer needs a decision.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>The parent asked for something that cannot be approved (no approver, the requester approving, bad timings): nothing was sent.</summary>
    public const string Invalid = "invalid";
}

/// <summary>In what capacity someone decided: as the bound approver, the approver's delegate, or the alternate after escalation.</summary>
public enum DecidedAs
{
    Approver,
    Delegate,
    Alternate,
}

/// <summary>
/// What the parent reads when its approval request ends (<c>ProcessJson.Read&lt;ApprovalResult&gt;(completed.ResultJson)</c>):
/// the outcome; who decided (the signed-in sender, or who withdrew it) and on whose behalf (the
/// approver, when a delegate or the alternate decided); when; the overall comment; and a verdict and
/// comment for every section (a whole decision gives each section its verdict).
/// </summary>
public sealed record ApprovalResult(
    string Outcome,
    DateTimeOffset At,
    string? DecidedBy,
    string? OnBehalfOf,
    DecidedAs? As,
    Verdict? Verdict,
    string? Comment,
    IReadOnlyList<SectionResult> Sections)
{
    /// <summary>An ending without a decision (expired, withdrawn, invalid).</summary>
    public static ApprovalResult Undecided(string outcome, DateTimeOffset at, string? by = null) =>
        new(outcome, at, by, null, null, null, null, []);
}

/// <summary>The verdict on one section and the comment that came with it.</summary>
public sealed record SectionResult(string SectionId, Verdict Verdict, string? Comment);
