namespace KamFlows.App.Features.Proposals;

/// <summary>
/// A proposal as the KAM submitted it, beside its follow-up process (the same id): the free text
/// (title, covering message) that the process state must not hold, and the hash of the submission,
/// so a retry with the same Idempotency-Key is recognised and one with another body refused.
/// </summary>
public sealed record ProposalRecord(
    string Id,
    string AccountId,
    string KamUserId,
    string Title,
    string? Message,
    IReadOnlyList<string> ContactIds,
    decimal Value,
    string Currency,
    decimal DiscountPercent,
    DateOnly ValidUntil,
    string DocumentId,
    string RequestHash,
    DateTimeOffset SubmittedAt);
