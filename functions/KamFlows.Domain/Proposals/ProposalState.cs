using System.Text.Json.Serialization;

namespace KamFlows.Domain.Proposals;

public enum ProposalPhase
{
    New,

    /// <summary>Version 2: the discount waits for the director's decision; nothing is sent yet.</summary>
    AwaitingApproval,

    /// <summary>Sent; the customer has not confirmed receipt yet.</summary>
    AwaitingReceipt,

    ReceiptConfirmed,
    Won,
    Lost,
    Withdrawn,
    Expired,
    Cancelled,

    /// <summary>Version 2: the director did not approve the discount; the proposal was never sent.</summary>
    DiscountRejected,
    Refused,
}

/// <summary>
/// A proposal as the follow-up knows it: the terms (ids, numbers, dates), the KAM, how often it was
/// sent, whether and how receipt was confirmed, the agreed next steps, the last bounce, and how it ended.
/// </summary>
public sealed record ProposalState(
    ProposalPhase Phase,
    ProposalTerms? Terms,
    ProposalTimings Timings,
    string? KamUserId,
    DateTimeOffset? SubmittedAt,
    int Sendings,
    DateTimeOffset? SentAt,
    ReceiptConfirmedBy? ConfirmedBy,
    DateTimeOffset? ConfirmedAt,
    int CallTasks,
    AgreedNextSteps? NextSteps,
    int Extensions,
    DateTimeOffset? LastBouncedAt,
    string? LastBounceReason,
    LossReason? LossReason,
    string? DiscountApprovalOutcome,
    DateTimeOffset? EndedAt)
{
    public static ProposalState New { get; } = new(
        ProposalPhase.New, null, ProposalTimings.Default, null, null, 0, null, null, null, 0, null, 0, null, null, null, null, null);

    /// <summary>Sent and not decided yet: the customer may still confirm, agree next steps, win or lose it.</summary>
    [JsonIgnore]
    public bool IsOpen => Phase is ProposalPhase.AwaitingReceipt or ProposalPhase.ReceiptConfirmed;

    [JsonIgnore]
    public bool HasEnded => Phase is ProposalPhase.Won or ProposalPhase.Lost or ProposalPhase.Withdrawn or ProposalPhase.Expired
        or ProposalPhase.Cancelled or ProposalPhase.DiscountRejected or ProposalPhase.Refused;
}

/// <summary>What the KAM and the customer agreed about next steps.</summary>
public sealed record AgreedNextSteps(UrgencyOrigin Urgency, MeetingKind Kind, DateTimeOffset MeetingAt);
