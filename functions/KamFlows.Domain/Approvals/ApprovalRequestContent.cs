namespace KamFlows.Domain.Approvals;

/// <summary>What is to be approved, in a line and a short text: the subject and body of the email, the head of the page.</summary>
public sealed record ApprovalSummary(string Title, string Text);

/// <summary>
/// A part of what is to be approved that can be decided on its own (a plan's objectives, a tender's
/// price), with what changed as the parent computed it, for the page to show.
/// </summary>
public sealed record ApprovalSection(string Id, string Title, SectionDiff? Diff = null);

/// <summary>What changed in a section: the text before and after, or the changed lines, or both.</summary>
public sealed record SectionDiff(string? Before = null, string? After = null, IReadOnlyList<ChangedLine>? Lines = null);

/// <summary>One line of a diff.</summary>
public sealed record ChangedLine(LineChange Change, string Text);

public enum LineChange
{
    Unchanged,
    Added,
    Removed,
}

/// <summary>
/// When an undecided request is chased: a reminder to whoever holds it, then escalation to the
/// alternate, each after that many business days of the approver's calendar, at 09:00 their time.
/// </summary>
public sealed record ApprovalTimings(int ReminderAfterBusinessDays = ApprovalTimings.DefaultReminder, int EscalationAfterBusinessDays = ApprovalTimings.DefaultEscalation)
{
    public const int DefaultReminder = 3;
    public const int DefaultEscalation = 5;

    public static ApprovalTimings Default { get; } = new();
}
