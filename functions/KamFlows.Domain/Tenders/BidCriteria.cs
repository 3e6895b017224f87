namespace KamFlows.Domain.Tenders;

/// <summary>
/// What the bid/no-bid decision weighs, as the KAM records it: strategic fit, our coverage of the
/// buying group and our capacity on a scale of 1 to 5, the estimated margin in percent, and who we
/// compete with. The head of KAM decides against these (they are the approval's sections).
/// </summary>
public sealed record BidCriteria(int StrategicFit, decimal EstimatedMarginPercent, int BuyingGroupCoverage, string Competitors, int Capacity);

/// <summary>How a tender ended.</summary>
public enum TenderResult
{
    Won,
    Lost,

    /// <summary>The buyer called the tender off.</summary>
    CancelledByBuyer,
}
