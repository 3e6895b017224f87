using System.Text.RegularExpressions;
using KamFlows.Domain.Portfolio;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Portfolio;

/// <summary>
/// Settings of the portfolio figures (section <c>Portfolio</c>): the Pareto thresholds and window,
/// the risk thresholds, the health weights, and the currency everything is summed in. Revenue in
/// another currency is converted with <see cref="ExchangeRates"/> (units of the reporting currency
/// per unit of that currency); a currency without a rate is refused when revenue is written.
/// </summary>
public sealed partial class PortfolioOptions
{
    public const string Section = "Portfolio";

    public decimal ClassAShare { get; set; } = ParetoThresholds.Default.A;

    public decimal ClassBShare { get; set; } = ParetoThresholds.Default.B;

    /// <summary>How many quarters of revenue each quarter's ranking sums (4: a year).</summary>
    public int WindowQuarters { get; set; } = 4;

    /// <summary>How many quarters hysteresis looks back over (12).</summary>
    public int HistoryQuarters { get; set; } = 12;

    public decimal MonoDependenceShare { get; set; } = 0.75m;

    public decimal HealthyBandMin { get; set; } = HealthyBandRange.Default.Min;

    public decimal HealthyBandMax { get; set; } = HealthyBandRange.Default.Max;

    public string ReportingCurrency { get; set; } = "EUR";

    public Dictionary<string, decimal> ExchangeRates { get; set; } = [];

    public int NeglectDays { get; set; } = HealthSettings.Default.NeglectDays;

    public int KeyContactLookbackDays { get; set; } = HealthSettings.Default.KeyContactLookbackDays;

    public int KeyContactChangeWeight { get; set; } = HealthSettings.Default.KeyContactChangeWeight;

    public int NeglectWeight { get; set; } = HealthSettings.Default.NeglectWeight;

    public int FallingRevenueWeight { get; set; } = HealthSettings.Default.FallingRevenueWeight;

    public int OpenComplaintWeight { get; set; } = HealthSettings.Default.OpenComplaintWeight;

    public int OpenComplaintsMaxWeight { get; set; } = HealthSettings.Default.OpenComplaintsMaxWeight;

    public ParetoThresholds Thresholds => new(ClassAShare, ClassBShare);

    public HealthyBandRange Band => new(HealthyBandMin, HealthyBandMax);

    public HealthSettings Health => new(NeglectDays, KeyContactLookbackDays, KeyContactChangeWeight, NeglectWeight, FallingRevenueWeight, OpenComplaintWeight, OpenComplaintsMaxWeight);

    /// <summary>Whether revenue in <paramref name="currency"/> can be summed: the reporting currency, or one with a rate.</summary>
    public bool Accepts(string currency) => currency == ReportingCurrency || ExchangeRates.ContainsKey(currency);

    /// <summary><paramref name="value"/> in the reporting currency (the currency is one <see cref="Accepts"/>).</summary>
    public decimal ToReporting(decimal value, string currency) => currency == ReportingCurrency ? value : value * ExchangeRates[currency];

    [GeneratedRegex("^[A-Z]{3}$")]
    internal static partial Regex CurrencyPattern();
}

internal sealed class PortfolioOptionsValidator : IValidateOptions<PortfolioOptions>
{
    public ValidateOptionsResult Validate(string? name, PortfolioOptions o)
    {
        var failures = new List<string>();
        if (o.Thresholds.Problem() is { } thresholds)
        {
            failures.Add($"Portfolio:ClassAShare and ClassBShare: {thresholds}");
        }

        if (o.Band.Problem() is { } band)
        {
            failures.Add($"Portfolio:HealthyBandMin and HealthyBandMax: {band}");
        }

        if (o.MonoDependenceShare is <= 0 or > 1)
        {
            failures.Add("Portfolio:MonoDependenceShare must be a share above 0 and at most 1, e.g. 0.75.");
        }

        if (o.WindowQuarters is < 1 or > 8 || o.HistoryQuarters is < 2 or > 40 || o.WindowQuarters > o.HistoryQuarters)
        {
            failures.Add("Portfolio:WindowQuarters must be 1 to 8 and HistoryQuarters 2 to 40, the window no longer than the history.");
        }

        if (!PortfolioOptions.CurrencyPattern().IsMatch(o.ReportingCurrency ?? ""))
        {
            failures.Add("Portfolio:ReportingCurrency must be an ISO 4217 code, e.g. EUR.");
        }

        foreach (var (currency, rate) in o.ExchangeRates)
        {
            if (!PortfolioOptions.CurrencyPattern().IsMatch(currency) || rate <= 0)
            {
                failures.Add($"Portfolio:ExchangeRates:{currency} must be a positive rate under an ISO 4217 code.");
            }
        }

        if (o.NeglectDays < 1 || o.KeyContactLookbackDays < 1)
        {
            failures.Add("Portfolio:NeglectDays and KeyContactLookbackDays must be at least 1.");
        }

        if (new[] { o.KeyContactChangeWeight, o.NeglectWeight, o.FallingRevenueWeight, o.OpenComplaintWeight, o.OpenComplaintsMaxWeight }.Any(w => w is < 0 or > 100))
        {
            failures.Add("Portfolio: every weight of the health score must be 0 to 100 points.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
