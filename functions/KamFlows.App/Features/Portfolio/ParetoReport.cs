using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Portfolio;

/// <summary>
/// Reads a quarter's revenue history and overrides and classifies the portfolio
/// (<see cref="PortfolioClasses"/>); applies the classes to the key accounts' records on request.
/// </summary>
public sealed partial class ParetoReport(RevenueStore revenue, ClassOverrides overrides, AccountStore accounts, TeamIndex index, IOptions<PortfolioOptions> options, ILogger<ParetoReport> logger)
{
    public async Task<(PortfolioClassification Classification, int RowsWithoutRate)> ClassifyAsync(Quarter quarter, CancellationToken ct)
    {
        var o = options.Value;
        var range = QuarterRange.Ending(quarter, o.HistoryQuarters);
        var readRows = revenue.ReadAsync(range, ct);
        var readOverrides = overrides.AllAsync(ct);
        var rows = await readRows;
        var set = await readOverrides;
        var classification = Classify(rows, set, range, o);
        return (classification, rows.Count(r => !o.Accepts(r.Currency)));
    }

    /// <summary>The computation alone, from rows already read (what the benchmark times on its own).</summary>
    public static PortfolioClassification Classify(IReadOnlyList<RevenueRow> rows, IReadOnlyList<StoredClassOverride> set, QuarterRange range, PortfolioOptions o) =>
        PortfolioClasses.Compute(range, RevenueSeries.ByAccount(rows, range, o), o.WindowQuarters, o.Thresholds, [.. set.Select(s => s.ToRule())]);

    public async Task<ParetoView> ViewAsync(Quarter quarter, CancellationToken ct)
    {
        var (c, withoutRate) = await ClassifyAsync(quarter, ct);
        return View(c, options.Value, withoutRate);
    }

    public static ParetoView View(PortfolioClassification c, PortfolioOptions o, int withoutRate)
    {
        var total = c.Ranking.Total;
        var classes = Enum.GetValues<AccountClass>().Select(k =>
        {
            var members = c.Accounts.Where(a => a.Class == k).ToList();
            var earned = members.Sum(a => Math.Max(a.Revenue, 0m));
            return new ClassSummary(k, members.Count, earned, total > 0 ? Math.Round(earned / total, 4) : 0m);
        }).ToList();
        var changes = c.Accounts.Where(a => a.Changed).Select(a => new ClassChangeView(a.AccountId, a.Previous, a.Class, a.Change, a.Revenue, a.RevenueClass)).OrderBy(a => a.AccountId, StringComparer.Ordinal).ToList();
        var pending = c.Accounts.Where(a => a.Pending).Select(a => new ClassChangeView(a.AccountId, a.Class, a.RevenueClass, a.Change, a.Revenue, a.RevenueClass)).OrderBy(a => a.AccountId, StringComparer.Ordinal).ToList();
        return new ParetoView(
            c.Quarter.ToString(), c.Range.First.ToString(), c.WindowQuarters, o.ReportingCurrency, o.ClassAShare, o.ClassBShare, total, c.Accounts.Count,
            classes, ParetoCurve.Points(c.Ranking), changes, pending, withoutRate);
    }

    /// <summary>
    /// Writes the quarter's classes onto the key accounts whose stored class differs (each read, then
    /// updated with its ETag; one changed meanwhile is read again). Customers that are not key
    /// accounts have no record to write.
    /// </summary>
    public async Task<AppliedClasses> ApplyAsync(Quarter quarter, CancellationToken ct)
    {
        var (c, _) = await ClassifyAsync(quarter, ct);
        var keyAccounts = await index.AllAccountIdsAsync(ct);
        var applied = new List<ClassChangeView>();
        var unchanged = 0;
        foreach (var a in c.Accounts.Where(a => keyAccounts.Contains(a.AccountId)))
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                if (await accounts.FindAsync(a.AccountId, ct) is not { } found)
                {
                    break;
                }

                if (found.Value.Class == a.Class)
                {
                    unchanged++;
                    break;
                }

                try
                {
                    await accounts.UpdateAsync(found.Value, found.Value with { Class = a.Class }, found.ETag, ct);
                    applied.Add(new ClassChangeView(a.AccountId, found.Value.Class, a.Class, a.Change, a.Revenue, a.RevenueClass));
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < 3)
                {
                    // Changed meanwhile: read it again.
                }
            }
        }

        LogApplied(logger, quarter, applied.Count, unchanged);
        return new AppliedClasses(quarter.ToString(), applied, unchanged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Classes of {Quarter} applied: {Applied} accounts changed class, {Unchanged} kept theirs")]
    private static partial void LogApplied(ILogger logger, Quarter quarter, int applied, int unchanged);
}
