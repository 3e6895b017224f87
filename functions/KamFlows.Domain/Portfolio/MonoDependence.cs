using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>An account's share of a business unit's sales in one quarter (null when the unit sold nothing).</summary>
public sealed record QuarterShare(Quarter Quarter, decimal? Share);

/// <summary>Which way a share went over the quarters shown.</summary>
public enum ShareTrend
{
    Rising,
    Steady,
    Falling,
}

/// <summary>A business unit that depends on one customer: the customer's share now, and over the last quarters.</summary>
public sealed record MonoDependenceFlag(string BusinessUnit, string AccountId, Quarter Quarter, decimal Share, IReadOnlyList<QuarterShare> History, ShareTrend Trend);

/// <summary>
/// Mono-dependence: a business unit is flagged when a single customer makes more than the threshold
/// (0.75) of its sales in a quarter; exactly the threshold is not above it. Shares are of the positive
/// net sales of the quarter, as in <see cref="ParetoClassification"/>. The flag carries the customer's
/// share over the last <c>historyQuarters</c> quarters (four) and whether it rose or fell over them.
/// </summary>
public static class MonoDependence
{
    public static IReadOnlyList<MonoDependenceFlag> Flags(
        string businessUnit, QuarterRange range, IReadOnlyList<AccountRevenue> unitAccounts, Quarter quarter, decimal threshold, int historyQuarters = 4)
    {
        ArgumentNullException.ThrowIfNull(unitAccounts);
        var at = range.IndexOf(quarter);
        if (at < 0)
        {
            return [];
        }

        var totals = new decimal[range.Count];
        foreach (var account in unitAccounts)
        {
            for (var t = 0; t < totals.Length; t++)
            {
                totals[t] += Math.Max(account.NetByQuarter[t], 0m);
            }
        }

        var flags = new List<MonoDependenceFlag>();
        foreach (var account in unitAccounts)
        {
            if (ShareAt(totals, account, at) is { } share && share > threshold)
            {
                var history = Enumerable.Range(Math.Max(0, at - historyQuarters + 1), Math.Min(historyQuarters, at + 1))
                    .Select(t => new QuarterShare(range[t], ShareAt(totals, account, t)))
                    .ToList();
                flags.Add(new MonoDependenceFlag(businessUnit, account.AccountId, quarter, share, history, TrendOf(history)));
            }
        }

        return flags;
    }

    private static decimal? ShareAt(decimal[] totals, AccountRevenue account, int t) =>
        totals[t] > 0 ? Math.Max(account.NetByQuarter[t], 0m) / totals[t] : null;

    private static ShareTrend TrendOf(IReadOnlyList<QuarterShare> history)
    {
        var known = history.Where(h => h.Share is not null).Select(h => h.Share!.Value).ToList();
        return known.Count < 2 || known[^1] == known[0] ? ShareTrend.Steady : known[^1] > known[0] ? ShareTrend.Rising : ShareTrend.Falling;
    }
}
