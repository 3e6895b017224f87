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
/// How much a business unit depends on a single customer (the gauge): its largest customer in the
/// quarter and that share, the largest single-customer share of each of the last quarters (whoever
/// held it), which way that went, and whether the quarter is above the threshold.
/// </summary>
public sealed record UnitDependence(string BusinessUnit, string? LargestAccountId, decimal? Share, IReadOnlyList<QuarterShare> History, ShareTrend Trend, bool Flagged);

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

        var totals = Totals(range, unitAccounts);
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

    /// <summary>The unit's gauge: its largest customer's share in <paramref name="quarter"/> (ties: the first id), and the largest share of each earlier quarter shown.</summary>
    public static UnitDependence Gauge(
        string businessUnit, QuarterRange range, IReadOnlyList<AccountRevenue> unitAccounts, Quarter quarter, decimal threshold, int historyQuarters = 4)
    {
        ArgumentNullException.ThrowIfNull(unitAccounts);
        var at = range.IndexOf(quarter);
        if (at < 0)
        {
            return new UnitDependence(businessUnit, null, null, [], ShareTrend.Steady, false);
        }

        var totals = Totals(range, unitAccounts);
        var ordered = unitAccounts.OrderBy(a => a.AccountId, StringComparer.Ordinal).ToList();
        (string? Id, decimal? Share) LargestAt(int t) => ordered
            .Select(a => (Id: (string?)a.AccountId, Share: ShareAt(totals, a, t)))
            .Where(x => x.Share is not null)
            .DefaultIfEmpty((null, null))
            .Aggregate((best, x) => x.Share > best.Share ? x : best);

        var now = LargestAt(at);
        var history = Enumerable.Range(Math.Max(0, at - historyQuarters + 1), Math.Min(historyQuarters, at + 1))
            .Select(t => new QuarterShare(range[t], LargestAt(t).Share))
            .ToList();
        return new UnitDependence(businessUnit, now.Id, now.Share, history, TrendOf(history), now.Share is { } s && s > threshold);
    }

    private static decimal[] Totals(QuarterRange range, IReadOnlyList<AccountRevenue> unitAccounts)
    {
        var totals = new decimal[range.Count];
        foreach (var account in unitAccounts)
        {
            for (var t = 0; t < totals.Length; t++)
            {
                totals[t] += Math.Max(account.NetByQuarter[t], 0m);
            }
        }

        return totals;
    }

    private static decimal? ShareAt(decimal[] totals, AccountRevenue account, int t) =>
        totals[t] > 0 ? Math.Max(account.NetByQuarter[t], 0m) / totals[t] : null;

    private static ShareTrend TrendOf(IReadOnlyList<QuarterShare> history)
    {
        var known = history.Where(h => h.Share is not null).Select(h => h.Share!.Value).ToList();
        return known.Count < 2 || known[^1] == known[0] ? ShareTrend.Steady : known[^1] > known[0] ? ShareTrend.Rising : ShareTrend.Falling;
    }
}
