namespace KamFlows.Domain.Pipeline;

/// <summary>What kind of deal an opportunity is; each kind has stages of its own.</summary>
public enum OpportunityKind
{
    Proposal,
    Tender,
}

/// <summary>
/// One open deal in the pipeline: a proposal waiting for the customer's decision, or a tender being
/// prepared. <paramref name="Value"/> is already in the reporting currency; <paramref name="Stage"/>
/// is the stage's name as its process reports it (e.g. <c>ReceiptConfirmed</c>, <c>BidDraft</c>).
/// </summary>
public sealed record Opportunity(
    OpportunityKind Kind,
    string Id,
    string AccountId,
    string Title,
    string Stage,
    decimal Value,
    DateOnly ExpectedClose);
