namespace KamFlows.Domain.Proposals;

/// <summary>What happened to a proposal. The history records their names; the state keeps the rest.</summary>
public abstract record ProposalEvent
{
    public sealed record Submitted(ProposalTerms Terms, ProposalTimings Timings, string KamUserId, DateTimeOffset At) : ProposalEvent;

    /// <summary>The submission cannot be followed up (no contact, no document): nothing is sent.</summary>
    public sealed record Refused(string Reason) : ProposalEvent;

    /// <summary>The discount is above the KAM's limit: the director decides before anything is sent (version 2).</summary>
    public sealed record DiscountApprovalRequested(decimal DiscountPercent, decimal LimitPercent, string DirectorUserId) : ProposalEvent;

    public sealed record DiscountApproved(DateTimeOffset At) : ProposalEvent;

    /// <summary>The director rejected the discount (or the approval expired or was withdrawn): the proposal is not sent.</summary>
    public sealed record DiscountRejected(string ApprovalOutcome, DateTimeOffset At) : ProposalEvent;

    /// <summary>The proposal was emailed to its contacts (the first time, or again).</summary>
    public sealed record Sent(int Sending, DateTimeOffset At) : ProposalEvent;

    /// <summary>No confirmation by the next business day: the KAM got a call task.</summary>
    public sealed record CallDue(DateTimeOffset DueAt) : ProposalEvent;

    public sealed record CallUnanswered(DateTimeOffset At) : ProposalEvent;

    public sealed record ReceiptConfirmed(ReceiptConfirmedBy By, DateTimeOffset At) : ProposalEvent;

    public sealed record NextStepsAgreed(UrgencyOrigin Urgency, MeetingKind Kind, DateTimeOffset MeetingAt, DateTimeOffset At) : ProposalEvent;

    public sealed record MeetingReminded(DateTimeOffset At) : ProposalEvent;

    public sealed record ValidityReminded(DateTimeOffset At) : ProposalEvent;

    public sealed record Extended(DateOnly ValidUntil, DateTimeOffset At) : ProposalEvent;

    public sealed record EmailBounced(string Reason, DateTimeOffset At) : ProposalEvent;

    /// <summary>The KAM gave up on correcting the address (the correct-address task's other outcome).</summary>
    public sealed record ResendGivenUp(DateTimeOffset At) : ProposalEvent;

    /// <summary>The account changed hands: the new owner follows the proposal up.</summary>
    public sealed record KamChanged(string KamUserId) : ProposalEvent;

    public sealed record Won(DateTimeOffset At) : ProposalEvent;

    public sealed record Lost(LossReason Reason, DateTimeOffset At) : ProposalEvent;

    public sealed record Withdrawn(DateTimeOffset At) : ProposalEvent;

    public sealed record Expired(DateTimeOffset At) : ProposalEvent;

    public sealed record Cancelled(DateTimeOffset At) : ProposalEvent;
}
