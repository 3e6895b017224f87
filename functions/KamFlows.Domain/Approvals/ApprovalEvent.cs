namespace KamFlows.Domain.Approvals;

/// <summary>What happened to an approval request. The history records their names only; the state keeps the rest.</summary>
public abstract record ApprovalEvent
{
    public sealed record Requested(
        ApprovalSummary Summary,
        IReadOnlyList<ApprovalSection> Sections,
        string RequesterUserId,
        string ApproverUserId,
        IReadOnlyList<string> AlternateUserIds,
        DateTimeOffset? Deadline,
        ApprovalTimings Timings,
        DateTimeOffset At) : ApprovalEvent;

    /// <summary>The parent asked for something that cannot be approved; nothing was sent.</summary>
    public sealed record RequestRefused(IReadOnlyList<FieldError> Errors, ApprovalResult Result) : ApprovalEvent;

    /// <summary>The request now goes to the approver's delegate (the approver can still decide).</summary>
    public sealed record RoutedToDelegate(string DelegateUserId) : ApprovalEvent;

    /// <summary>The approver's delegate may not hold this request (<see cref="DelegationRule"/>): it stays with the approver.</summary>
    public sealed record DelegateRefused(string DelegateUserId, DelegationRefusal Reason) : ApprovalEvent;

    /// <summary>The delegation ended: the request is back with the approver.</summary>
    public sealed record DelegationEnded(string PreviousDelegateUserId) : ApprovalEvent;

    public sealed record Reminded(string RecipientUserId, DateTimeOffset At) : ApprovalEvent;

    /// <summary>Undecided for too long: the alternate may decide too.</summary>
    public sealed record Escalated(DateTimeOffset At) : ApprovalEvent;

    public sealed record Decided(ApprovalResult Result) : ApprovalEvent;

    public sealed record Expired(ApprovalResult Result) : ApprovalEvent;

    public sealed record Withdrawn(ApprovalResult Result) : ApprovalEvent;
}
