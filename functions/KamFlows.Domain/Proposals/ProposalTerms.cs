namespace KamFlows.Domain.Proposals;

/// <summary>
/// What a KAM proposes to an account, as the process keeps it: ids, numbers and dates only. The
/// title and the covering message are free text that may name people, so they stay with the
/// proposal's record in the app (which erasure redacts), never in the process state.
/// </summary>
/// <param name="ContactIds">The customer contacts the proposal is emailed to, each with a link to confirm receipt.</param>
/// <param name="DocumentId">The proposal PDF, a document of the account's dossier.</param>
/// <param name="ValidUntil">The last day the customer may accept, in the customer's calendar.</param>
public sealed record ProposalTerms(
    string AccountId,
    IReadOnlyList<string> ContactIds,
    decimal Value,
    string Currency,
    decimal DiscountPercent,
    DateOnly ValidUntil,
    string DocumentId);
