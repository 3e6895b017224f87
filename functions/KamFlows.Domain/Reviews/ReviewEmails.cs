using System.Globalization;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Email;

namespace KamFlows.Domain.Reviews;

/// <summary>
/// The emails of a review, each from a template of its own (<c>review-*</c>): numbers, codes and the
/// approver's comments as values, people and the account by id (resolved when the email is written).
/// </summary>
internal static class ReviewEmails
{
    public const string Opened = "review-opened";
    public const string Reminder = "review-reminder";
    public const string Escalation = "review-escalation";
    public const string SentBack = "review-sent-back";
    public const string Approved = "review-approved";

    public static SendEmail OpenedTo(string kam, string accountId, string quarter, ReviewPackage package) =>
        new(Opened, EmailRecipient.User(kam), NotificationCategory.Message, Package(quarter, package), accountId);

    public static SendEmail ReminderTo(string kam, string accountId, string quarter, string kind) =>
        new(Reminder, EmailRecipient.User(kam), NotificationCategory.Reminder, new Dictionary<string, string> { ["quarter"] = quarter, ["when"] = kind }, accountId);

    public static SendEmail EscalationTo(string head, string accountId, string quarter, string kam) =>
        new(Escalation, EmailRecipient.User(head), NotificationCategory.Escalation, new Dictionary<string, string> { ["quarter"] = quarter, ["kamUserId"] = kam }, accountId);

    public static SendEmail SentBackTo(string kam, string accountId, string quarter, int round, ApprovalResult result) =>
        new(SentBack, EmailRecipient.User(kam), NotificationCategory.Message, new Dictionary<string, string>
        {
            ["quarter"] = quarter,
            ["round"] = round.ToString(CultureInfo.InvariantCulture),
            ["outcome"] = result.Outcome,
            ["comment"] = result.Comment ?? "",
            ["sections"] = string.Join("\n", result.Sections.Where(s => s.Verdict == Verdict.Reject).Select(s => $"{s.SectionId}: {s.Comment}")),
        }, accountId);

    public static SendEmail ApprovedTo(string kam, string accountId, string quarter, int version) =>
        new(Approved, EmailRecipient.User(kam), NotificationCategory.Message, new Dictionary<string, string>
        {
            ["quarter"] = quarter,
            ["version"] = version.ToString(CultureInfo.InvariantCulture),
        }, accountId);

    private static Dictionary<string, string> Package(string quarter, ReviewPackage package) => new()
    {
        ["quarter"] = quarter,
        ["reviewedQuarter"] = package.ReviewedQuarter,
        ["milestonesMet"] = package.MilestonesMet.ToString(CultureInfo.InvariantCulture),
        ["milestones"] = package.Milestones.Count.ToString(CultureInfo.InvariantCulture),
        ["classChange"] = package.ClassChange is { } c ? $"{c.From?.ToString() ?? "-"} → {c.To}" : "-",
        ["healthScore"] = package.HealthScore.ToString(CultureInfo.InvariantCulture),
        ["risks"] = package.Risks.Count == 0 ? "-" : string.Join(", ", package.Risks.Select(r => r.Cause)),
    };

    /// <summary>What the approver reads at the head of the request: the plan version and the package in a line each.</summary>
    public static ApprovalSummary SummaryOf(string quarter, int version, ReviewPackage package) => new(
        $"Quarterly review {quarter}: account plan version {version}",
        string.Join("\n",
            $"Milestones of {package.ReviewedQuarter}: {package.MilestonesMet} of {package.Milestones.Count} reached their target.",
            package.ClassChange is { } c ? $"Proposed class change: {c.From?.ToString() ?? "none"} → {c.To} (applied on approval)." : "No class change proposed.",
            $"Health score {package.HealthScore}" + (package.Risks.Count == 0 ? "." : $" ({string.Join(", ", package.Risks.Select(r => $"{r.Cause} -{r.Weight}"))}).")));
}
