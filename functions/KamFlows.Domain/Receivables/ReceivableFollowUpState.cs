namespace KamFlows.Domain.Receivables;

public enum FollowUpPhase
{
    New,
    Open,
    Paid,
}

/// <summary>A document's follow-up: the document as last seen, the business days overdue already acted on.</summary>
public sealed record ReceivableFollowUpState(
    FollowUpPhase Phase, ReceivableDocument? Document, FollowUpTimings Timings, IReadOnlyList<int> ActedOn, bool Escalated, DateTimeOffset? PaidAt)
{
    public static ReceivableFollowUpState New { get; } = new(FollowUpPhase.New, null, FollowUpTimings.Default, [], false, null);
}
