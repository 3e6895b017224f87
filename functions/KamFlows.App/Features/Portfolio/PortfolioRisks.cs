using KamFlows.App.Features.Accounts;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Portfolio;

/// <summary>The portfolio's risk signals of a quarter, from the revenue store and the list of key accounts.</summary>
public sealed class PortfolioRisks(RevenueStore revenue, TeamIndex index, IOptions<PortfolioOptions> options)
{
    private const int TrendQuarters = 4;

    public async Task<RisksView> ViewAsync(Quarter quarter, CancellationToken ct)
    {
        var o = options.Value;
        var range = QuarterRange.Ending(quarter, TrendQuarters);
        var readRows = revenue.ReadAsync(range, ct);
        var keyAccounts = await index.AllAccountIdsAsync(ct);
        var rows = await readRows;
        var at = range.IndexOf(quarter);

        var byUnit = RevenueSeries.ByBusinessUnit(rows, range, o);
        var mono = byUnit.OrderBy(u => u.Key, StringComparer.Ordinal)
            .SelectMany(u => MonoDependence.Flags(u.Key, range, u.Value, quarter, o.MonoDependenceShare, TrendQuarters))
            .ToList();
        var gauges = byUnit.OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => MonoDependence.Gauge(u.Key, range, u.Value, quarter, o.MonoDependenceShare, TrendQuarters))
            .ToList();

        var all = RevenueSeries.ByAccount(rows, range, o);
        var bands = new List<BandCheck> { HealthyBand.Check("all", all.Select(a => (a.NetByQuarter[at], keyAccounts.Contains(a.AccountId))), o.Band) };
        bands.AddRange(byUnit.OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => HealthyBand.Check(u.Key, u.Value.Select(a => (a.NetByQuarter[at], keyAccounts.Contains(a.AccountId))), o.Band)));

        var falling = new List<FallingRevenueView>();
        foreach (var account in all.Where(a => keyAccounts.Contains(a.AccountId)))
        {
            var facts = new AccountFacts(DateOnly.MinValue, [], [], range.Quarters().Select((q, t) => (q, t)).ToDictionary(x => x.q, x => account.NetByQuarter[x.t]));
            if (FallingRevenue.Detect(facts, quarter.LastDay, o.Health) is { } signal)
            {
                falling.Add(new FallingRevenueView(account.AccountId, signal.Detail, signal.References));
            }
        }

        return new RisksView(quarter.ToString(), o.ReportingCurrency, o.MonoDependenceShare, mono, gauges, bands, [.. falling.OrderBy(f => f.AccountId, StringComparer.Ordinal)], rows.Count(r => !o.Accepts(r.Currency)));
    }
}
