using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>An account's place in the portfolio's revenue ranking.</summary>
public sealed record RankedAccount(int Rank, string AccountId, decimal Revenue, decimal Share, decimal CumulativeShare, AccountClass Class);

/// <summary>The accounts by revenue, highest first; <see cref="Total"/> is the revenue the shares are of.</summary>
public sealed record ParetoRanking(decimal Total, IReadOnlyList<RankedAccount> Accounts);

/// <summary>
/// The A/B/C rule. Accounts are ranked by revenue; an account is A when the accounts earning more
/// than it make up less than the A share of revenue, B when they make up less than A + B, else C.
/// So the account that crosses 80 % is still A (a single account is A), accounts with equal revenue
/// always share a class, and one sitting exactly on a boundary goes below it (80, 15, 5 → A, B, C).
/// Shares are of the positive revenue: an account whose net is zero or negative (corrections
/// outweighing sales) takes no share and is C; when nobody earned anything, everybody is C.
/// </summary>
public static class ParetoClassification
{
    /// <summary>The full ranking, ties in account-id order, with shares and classes.</summary>
    public static ParetoRanking Rank(IReadOnlyList<string> accountIds, IReadOnlyList<decimal> revenue, ParetoThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(revenue);
        if (accountIds.Count != revenue.Count)
        {
            throw new ArgumentException("One revenue figure per account.", nameof(revenue));
        }

        var values = revenue.ToArray();
        var classes = new AccountClass[values.Length];
        var total = Classify(values, thresholds, classes, new double[values.Length], new int[values.Length]);
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) => values[y].CompareTo(values[x]) is var byRevenue && byRevenue != 0 ? byRevenue : string.CompareOrdinal(accountIds[x], accountIds[y]));
        var ranked = new RankedAccount[order.Length];
        var cumulative = 0m;
        for (var r = 0; r < order.Length; r++)
        {
            var i = order[r];
            var positive = Math.Max(values[i], 0m);
            cumulative += positive;
            ranked[r] = new RankedAccount(r + 1, accountIds[i], values[i], total > 0 ? positive / total : 0m, total > 0 ? cumulative / total : 0m, classes[i]);
        }

        return new ParetoRanking(total, ranked);
    }

    /// <summary>
    /// Writes each account's class into <paramref name="classes"/> (same positions as
    /// <paramref name="revenue"/>) and returns the positive revenue. The allocation-free form, for
    /// many quarters of a large portfolio: the caller lends two scratch spans as long as the revenue.
    /// </summary>
    public static decimal Classify(ReadOnlySpan<decimal> revenue, ParetoThresholds thresholds, Span<AccountClass> classes, Span<double> keys, Span<int> order)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var n = revenue.Length;
        if (classes.Length < n || keys.Length < n || order.Length < n)
        {
            throw new ArgumentException("One class slot and scratch slot per account.");
        }

        var total = 0m;
        for (var i = 0; i < n; i++)
        {
            // Highest first. Sorting doubles is several times faster than sorting decimals, and the
            // conversion keeps the order (a < b gives (double)a <= (double)b); only distinct amounts
            // that round to one double need putting in order, below.
            keys[i] = -(double)revenue[i];
            order[i] = i;
            total += Math.Max(revenue[i], 0m);
        }

        keys[..n].Sort(order[..n]);
        for (var r = 1; r < n; r++)
        {
            // Insertion within runs of equal keys: nothing moves among equal amounts, so a long run of equal amounts costs one pass.
            var at = order[r];
            var k = r - 1;
            while (k >= 0 && keys[k] == keys[r] && revenue[order[k]] < revenue[at])
            {
                order[k + 1] = order[k];
                k--;
            }

            order[k + 1] = at;
        }

        var aLimit = thresholds.A * total;
        var bLimit = (thresholds.A + thresholds.B) * total;
        var before = 0m;
        var g = 0;
        while (g < n)
        {
            // A group of equal revenue: what the accounts strictly ahead of it earn decides its class.
            var value = revenue[order[g]];
            var end = g + 1;
            while (end < n && revenue[order[end]] == value)
            {
                end++;
            }

            var @class = value <= 0 ? AccountClass.C : before < aLimit ? AccountClass.A : before < bLimit ? AccountClass.B : AccountClass.C;
            for (var j = g; j < end; j++)
            {
                classes[order[j]] = @class;
            }

            before += Math.Max(value, 0m) * (end - g);
            g = end;
        }

        return total;
    }
}
