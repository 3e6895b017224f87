using System.Collections.Concurrent;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Plans;
using KamFlows.App.Features.Portfolio;
using KamFlows.App.Http;
using KamFlows.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Pipeline;

/// <summary>The plans' revenue goal for the year, in the reporting currency, and how many plans it sums.</summary>
public sealed record AnnualGoal(decimal Amount, int Plans, int WithoutRate);

/// <summary>
/// The year's revenue goal of the department: the target annual revenue of each active account's
/// last approved plan (a draft is not a commitment yet), converted to the reporting currency. Read
/// on the spot, two rows per account, sixteen accounts at a time.
/// </summary>
public sealed class PlanRevenueGoals(AccountStore accounts, PlanStore plans, IOptions<PortfolioOptions> portfolio)
{
    public async Task<AnnualGoal> ReadAsync(CancellationToken ct)
    {
        var options = portfolio.Value;
        var targets = new ConcurrentBag<(decimal Amount, string Currency)>();
        string? token = null;
        do
        {
            var page = await accounts.ListAsync(null, null, AccountStatus.Active, token, Paging.MaxPageSize, ct);
            await Parallel.ForEachAsync(page.Items, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (account, ct) =>
            {
                if ((await plans.ReadAsync(account.Id, ct)).Head?.Value.LastApprovedVersion is { } approved
                    && await plans.FindVersionAsync(account.Id, approved, ct) is { } version)
                {
                    var summary = version.Value.Plan.FinancialSummary;
                    targets.Add((summary.TargetAnnualRevenue, summary.Currency));
                }
            });
            token = page.ContinuationToken;
        }
        while (token is not null);

        var convertible = targets.Where(t => options.Accepts(t.Currency)).ToList();
        return new AnnualGoal(convertible.Sum(t => options.ToReporting(t.Amount, t.Currency)), convertible.Count, targets.Count - convertible.Count);
    }
}
