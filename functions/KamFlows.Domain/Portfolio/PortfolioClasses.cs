using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>A class set by hand for an account from a quarter on, with the reason.</summary>
public sealed record ClassOverride(string AccountId, Quarter Quarter, AccountClass Class, string Reason);

/// <summary>
/// One account in the last quarter of a classification: its revenue over the window, the class that
/// revenue gives, the class it has (after hysteresis and overrides), the class it had the quarter
/// before, why it has it, and whether a change is pending (the revenue is across a boundary for the
/// first time: it changes next quarter if it stays there).
/// </summary>
public sealed record AccountClassification(
    string AccountId, decimal Revenue, AccountClass RevenueClass, AccountClass Class, AccountClass? Previous, ClassChange Change, bool Pending)
{
    public bool Changed => Previous is { } before && before != Class;
}

/// <summary>The portfolio's classes in the last quarter of <see cref="Range"/>, and the ranking behind them.</summary>
public sealed record PortfolioClassification(QuarterRange Range, int WindowQuarters, ParetoRanking Ranking, IReadOnlyList<AccountClassification> Accounts)
{
    public Quarter Quarter => Range.Last;
}

/// <summary>
/// Classifies a portfolio quarter by quarter and keeps the classes steady: each quarter ranks the
/// accounts by their revenue over the last <c>windowQuarters</c> quarters (four: a year, so one
/// seasonal quarter does not reclassify anybody; fewer at the start of the range), then
/// <see cref="ClassHysteresis"/> decides each account's class from the quarters in the range. An
/// override from before the range sets the class the range starts with. Accounts with overrides but
/// no revenue in the range are classified with zero revenue, so their override shows.
/// </summary>
public static class PortfolioClasses
{
    public static PortfolioClassification Compute(
        QuarterRange range, IReadOnlyList<AccountRevenue> accounts, int windowQuarters, ParetoThresholds thresholds, IReadOnlyList<ClassOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentOutOfRangeException.ThrowIfLessThan(range.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowQuarters, 1);
        var quarters = range.Count;
        var all = WithOverriddenAccounts(accounts, overrides, quarters);
        var n = all.Count;
        var ids = new string[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = all[i].AccountId;
            if (all[i].NetByQuarter.Length != quarters)
            {
                throw new ArgumentException($"Account {ids[i]} has {all[i].NetByQuarter.Length} quarters of revenue for a range of {quarters}.", nameof(accounts));
            }
        }

        // raw[i * quarters + t]: the class account i's revenue gives in quarter t.
        var raw = new AccountClass[n * quarters];
        var window = new decimal[n];
        var classes = new AccountClass[n];
        var keys = new double[n];
        var order = new int[n];
        for (var t = 0; t < quarters; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var net = all[i].NetByQuarter;
                window[i] += net[t] - (t >= windowQuarters ? net[t - windowQuarters] : 0m);
            }

            ParetoClassification.Classify(window, thresholds, classes, keys, order);
            for (var i = 0; i < n; i++)
            {
                raw[(i * quarters) + t] = classes[i];
            }
        }

        var byAccount = OverridesByAccount(range, overrides);
        var none = new AccountClass?[quarters];
        var result = new AccountClassification[n];
        var last = quarters - 1;
        for (var i = 0; i < n; i++)
        {
            var rawOfAccount = raw.AsSpan(i * quarters, quarters);
            var steps = ClassHysteresis.Apply(rawOfAccount, byAccount.TryGetValue(ids[i], out var set) ? set : none);
            result[i] = new AccountClassification(
                ids[i], window[i], rawOfAccount[last], steps[last].Class, last > 0 ? steps[last - 1].Class : null, steps[last].Change,
                Pending: rawOfAccount[last] != steps[last].Class);
        }

        return new PortfolioClassification(range, windowQuarters, ParetoClassification.Rank(ids, window, thresholds), result);
    }

    private static IReadOnlyList<AccountRevenue> WithOverriddenAccounts(IReadOnlyList<AccountRevenue> accounts, IReadOnlyList<ClassOverride> overrides, int quarters)
    {
        if (overrides.Count == 0)
        {
            return accounts;
        }

        var known = accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var missing = overrides.Select(o => o.AccountId).Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        return missing.Count == 0 ? accounts : [.. accounts, .. missing.Select(id => new AccountRevenue(id, new decimal[quarters]))];
    }

    /// <summary>Per account, the override of each quarter of the range (the latest given wins); one from before the range lands on its first quarter.</summary>
    private static Dictionary<string, AccountClass?[]> OverridesByAccount(QuarterRange range, IReadOnlyList<ClassOverride> overrides)
    {
        var result = new Dictionary<string, AccountClass?[]>(StringComparer.Ordinal);
        foreach (var o in overrides.Where(o => o.Quarter <= range.Last).OrderBy(o => o.Quarter))
        {
            if (!result.TryGetValue(o.AccountId, out var slots))
            {
                slots = new AccountClass?[range.Count];
                result[o.AccountId] = slots;
            }

            slots[Math.Max(range.IndexOf(o.Quarter), 0)] = o.Class;
        }

        return result;
    }
}
