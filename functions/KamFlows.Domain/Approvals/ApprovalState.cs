using System.Text.Json.Serialization;

namespace KamFlows.Domain.Approvals;

public enum ApprovalPhase
{
    New,
    AwaitingDecision,
    Escalated,
    Decided,
    Expired,
    Withdrawn,
    Invalid,
}

/// <summary>
/// An approval request as it stands: what is asked (summary and sections, for the page), who asked,
/// who approves, the alternates, the approver's delegate holding it (if any), the timings, and once
/// it has ended, the result its parent received.
/// </summary>
public sealed record ApprovalState(
    ApprovalPhase Phase,
    ApprovalSummary? Summary,
    IReadOnlyList<ApprovalSection> Sections,
    string? RequesterUserId,
    string? ApproverUserId,
    IReadOnlyList<string> AlternateUserIds,
    string? DelegateUserId,
    DateTimeOffset? Deadline,
    ApprovalTimings Timings,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? EscalatedAt,
    int Reminders,
    IReadOnlyList<RefusedDelegate> RefusedDelegates,
    IReadOnlyList<FieldError> Errors,
    ApprovalResult? Result)
{
    public static ApprovalState New { get; } = new(
        ApprovalPhase.New, null, [], null, null, [], null, null, ApprovalTimings.Default, null, null, 0, [], [], null);

    /// <summary>Still waiting for a decision.</summary>
    [JsonIgnore]
    public bool IsPending => Phase is ApprovalPhase.AwaitingDecision or ApprovalPhase.Escalated;

    /// <summary>Whoever the request is with now: the approver's delegate, else the approver.</summary>
    [JsonIgnore]
    public string? HolderUserId => DelegateUserId ?? ApproverUserId;
}

/// <summary>A delegate the request was not routed to, and why.</summary>
public sealed record RefusedDelegate(string UserId, DelegationRefusal Reason);
