using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Reviews;

/// <summary>What happened to a quarterly review. The history records their names; the state keeps the rest.</summary>
public abstract record QuarterlyReviewEvent
{
    public sealed record Opened(
        string AccountId,
        string Quarter,
        ReviewPackage Package,
        string KamUserId,
        string HeadOfKamUserId,
        string DirectorUserId,
        IReadOnlyList<string> AlternateUserIds,
        PartyCalendar DirectorCalendar,
        PartyCalendar AlternateCalendar,
        ReviewTimings Timings,
        DateTimeOffset At) : QuarterlyReviewEvent;

    /// <summary>The KAM was reminded: before the due date, or on it.</summary>
    public sealed record Reminded(string Kind, DateTimeOffset At) : QuarterlyReviewEvent;

    /// <summary>The due time passed without a submission.</summary>
    public sealed record BecameOverdue(DateTimeOffset At) : QuarterlyReviewEvent;

    /// <summary>Still not submitted two business days after the due date: the head of KAM was told.</summary>
    public sealed record Escalated(DateTimeOffset At) : QuarterlyReviewEvent;

    /// <summary>The KAM submitted a plan version; round <paramref name="Round"/>'s approval request was started.</summary>
    public sealed record Submitted(int Round, int PlanVersion, IReadOnlyList<ApprovalSection> Sections, string ApprovalKey, DateTimeOffset At) : QuarterlyReviewEvent;

    /// <summary>The round's approval ended other than approved (rejected whole or in part, or without a decision): back to the KAM.</summary>
    public sealed record SentBack(int Round, ApprovalResult Result, DateTimeOffset At) : QuarterlyReviewEvent;

    /// <summary>The account changed hands: the review is the new owner's to submit.</summary>
    public sealed record KamChanged(string FromUserId, string ToUserId) : QuarterlyReviewEvent;

    /// <summary>The fan-out asked for a review that cannot run (<see cref="QuarterlyReviewRules"/>): nothing was sent.</summary>
    public sealed record Refused(string Reason, DateTimeOffset At) : QuarterlyReviewEvent;

    /// <summary>The round's plan version was approved: the review is closed.</summary>
    public sealed record Approved(int Round, ApprovalResult Result, DateTimeOffset At) : QuarterlyReviewEvent;
}
