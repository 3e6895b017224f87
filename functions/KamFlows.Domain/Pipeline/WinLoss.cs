namespace KamFlows.Domain.Pipeline;

/// <summary>How a deal ended. Withdrawn: we took the proposal back; Expired: its validity ended without an answer; NoBid: we chose not to bid; Cancelled: the buyer cancelled.</summary>
public enum DealResult
{
    Won,
    Lost,
    Withdrawn,
    Expired,
    NoBid,
    Cancelled,
}

/// <summary>A deal with its result; <paramref name="Reason"/> is the loss reason (a loss always has one).</summary>
public sealed record ClosedDeal(OpportunityKind Kind, string Id, DealResult Result, string? Reason, decimal Value, DateOnly ClosedOn);

public sealed record ReasonCount(string Reason, int Deals, decimal Value);

/// <summary>
/// Wins against losses over a span, with the losses by reason. The win rate counts only deals the
/// customer decided (won or lost): a withdrawal, an expiry, a no-bid or a cancelled tender says nothing about
/// how we compete.
/// </summary>
public sealed record WinLoss(int Won, decimal WonValue, int Lost, decimal LostValue, int Other, IReadOnlyList<ReasonCount> LostByReason)
{
    public decimal? WinRate => Won + Lost > 0 ? (decimal)Won / (Won + Lost) : null;

    public static WinLoss Of(IEnumerable<ClosedDeal> deals)
    {
        var all = deals.ToList();
        var won = all.Where(d => d.Result == DealResult.Won).ToList();
        var lost = all.Where(d => d.Result == DealResult.Lost).ToList();
        var byReason = lost
            .GroupBy(d => d.Reason ?? "Other", StringComparer.Ordinal)
            .Select(g => new ReasonCount(g.Key, g.Count(), g.Sum(d => d.Value)))
            .OrderByDescending(r => r.Deals).ThenByDescending(r => r.Value).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        return new WinLoss(won.Count, won.Sum(d => d.Value), lost.Count, lost.Sum(d => d.Value), all.Count - won.Count - lost.Count, byReason);
    }
}
