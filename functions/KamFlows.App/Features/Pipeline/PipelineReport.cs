using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Portfolio;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Pipeline;
using KamFlows.Domain.Portfolio;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Pipeline;

/// <summary>An open deal on the page: converted, weighted, with its account's name.</summary>
public sealed record PipelineLine(OpenDeal Deal, decimal Value, decimal Likelihood, string? AccountName, bool Late)
{
    public decimal Weighted => Value * Likelihood;
}

/// <summary>Everything the pipeline page shows, in <paramref name="Currency"/>.</summary>
public sealed record PipelineView(
    DateOnly Today,
    string Currency,
    Forecast Forecast,
    WinLoss WinLoss,
    IReadOnlyList<PipelineLine> Largest,
    AnnualGoal Goal,
    int DealsWithoutRate);

/// <summary>
/// Gathers the pipeline page: the open deals of every <see cref="IPipelineSource"/> the reader may
/// see, converted to the reporting currency and weighted by their stage (<see cref="PipelineOptions"/>);
/// the plans' goal for the year; this year's booked revenue; and this year's ended deals for win and
/// loss. A deal in a currency without a rate is left out and counted, as on the portfolio page.
/// </summary>
public sealed class PipelineReport(
    IEnumerable<IPipelineSource> sources,
    PlanRevenueGoals goals,
    RevenueStore revenue,
    AccountStore accounts,
    IOptions<PortfolioOptions> portfolio,
    IOptions<PipelineOptions> pipeline)
{
    public const int LargestShown = 20;

    public async Task<PipelineView> ReadAsync(ClaimsPrincipal who, DateOnly today, CancellationToken ct)
    {
        var options = portfolio.Value;
        var likelihoods = pipeline.Value.Likelihoods();
        var yearStart = new DateOnly(today.Year, 1, 1);
        var current = Quarter.Of(today);
        var readDeals = Task.WhenAll(sources.Select(s => s.ReadAsync(who, yearStart, ct)));
        var readGoal = goals.ReadAsync(ct);
        var readRevenue = revenue.ReadAsync(new QuarterRange(new Quarter(today.Year, 1), current.Number), ct);
        var (deals, goal, rows) = (await readDeals, await readGoal, await readRevenue);

        var open = deals.SelectMany(d => d.Open).ToList();
        var ended = deals.SelectMany(d => d.Ended).ToList();
        var convertible = open.Where(d => options.Accepts(d.Currency)).ToList();
        var opportunities = convertible.Select(d => new Opportunity(d.Kind, d.Id, d.AccountId, d.Title, d.Stage, options.ToReporting(d.Value, d.Currency), d.ExpectedClose)).ToList();
        var booked = rows.Where(r => options.Accepts(r.Currency)).Select(r => (r.Quarter, Value: options.ToReporting(r.NetValue, r.Currency))).ToList();
        var forecast = PipelineForecast.Build(
            opportunities, likelihoods, today, goal.Amount,
            booked.Where(b => b.Quarter == current.ToString()).Sum(b => b.Value),
            booked.Sum(b => b.Value));
        var winLoss = WinLoss.Of(ended.Where(d => options.Accepts(d.Currency))
            .Select(d => new ClosedDeal(d.Kind, d.Id, d.Result, d.Reason, options.ToReporting(d.Value, d.Currency), d.EndedOn)));

        var largest = convertible
            .Select(d => new PipelineLine(d, options.ToReporting(d.Value, d.Currency), likelihoods.Of(d.Kind, d.Stage), null, d.ExpectedClose < today))
            .OrderByDescending(l => l.Weighted).ThenBy(l => l.Deal.ExpectedClose)
            .Take(LargestShown)
            .ToList();
        var names = new AccountNames(accounts, who);
        for (var i = 0; i < largest.Count; i++)
        {
            largest[i] = largest[i] with { AccountName = await names.OfAsync(largest[i].Deal.AccountId, ct) };
        }

        return new PipelineView(today, options.ReportingCurrency, forecast, winLoss, largest, goal, open.Count - convertible.Count);
    }
}
