using KamFlows.App.Features.Accounts;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Portfolio;

/// <summary>One key account's health on the portfolio page.</summary>
public sealed record AccountHealthLine(string AccountId, string Name, string BusinessUnit, AccountClass? Class, AccountHealthView Health);

/// <summary>
/// What the portfolio page shows for a quarter: the Pareto view, the risk signals, the names of the
/// accounts they mention, and the health of a page of key accounts (worst first within the page).
/// </summary>
public sealed record PortfolioPageView(
    string Quarter,
    IReadOnlyList<string> Quarters,
    ParetoView Pareto,
    RisksView Risks,
    IReadOnlyDictionary<string, string> AccountNames,
    IReadOnlyList<AccountHealthLine> Health,
    string? NextHealthPage);

/// <summary>
/// Gathers the portfolio page from what the portfolio feature computes (<see cref="ParetoReport"/>,
/// <see cref="PortfolioRisks"/>, <see cref="AccountHealth"/>). Health is computed per account on the
/// spot (its contacts, log and revenue: three partition reads), so it is shown a page of key accounts
/// at a time.
/// </summary>
public sealed class PortfolioOverview(ParetoReport pareto, PortfolioRisks risks, AccountHealth health, AccountStore accounts)
{
    public const int HealthPageSize = 20;

    /// <summary>How many quarters back the quarter choice goes.</summary>
    public const int QuartersOffered = 8;

    public async Task<PortfolioPageView> ReadAsync(Quarter quarter, Quarter latest, string? healthPage, CancellationToken ct)
    {
        var readPareto = pareto.ViewAsync(quarter, ct);
        var readRisks = risks.ViewAsync(quarter, ct);
        var readAccounts = accounts.ListAsync(null, null, AccountStatus.Active, healthPage, HealthPageSize, ct);
        var (view, risk, page) = (await readPareto, await readRisks, await readAccounts);

        var lines = await Task.WhenAll(page.Items.Select(async a => new AccountHealthLine(a.Id, a.Name, a.BusinessUnit, a.Class, await health.ViewAsync(a, ct))));
        var names = page.Items.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        var mentioned = view.Changes.Concat(view.Pending).Select(c => c.AccountId)
            .Concat(risk.MonoDependence.Select(m => m.AccountId))
            .Concat(risk.Dependence.Select(d => d.LargestAccountId).OfType<string>())
            .Concat(risk.FallingRevenue.Select(f => f.AccountId))
            .Where(id => !names.ContainsKey(id) && AccountStore.IsKey(id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        // Customers that are not key accounts have no record: they keep their reference.
        foreach (var (id, found) in await Task.WhenAll(mentioned.Select(async id => (id, await accounts.FindAsync(id, ct)))))
        {
            if (found is not null)
            {
                names[id] = found.Value.Name;
            }
        }

        var quarters = Enumerable.Range(0, QuartersOffered).Select(k => latest.Plus(-k).ToString()).ToList();
        return new PortfolioPageView(quarter.ToString(), quarters, view, risk, names,
            [.. lines.OrderBy(l => l.Health.Now.Score).ThenBy(l => l.Name, StringComparer.CurrentCulture)], page.ContinuationToken);
    }
}
