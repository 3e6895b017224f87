namespace KamFlows.Domain.Portfolio;

/// <summary>The share of sales key accounts should make together: neither too little (no focus) nor too much (dependence).</summary>
public sealed record HealthyBandRange(decimal Min, decimal Max)
{
    public static HealthyBandRange Default { get; } = new(0.30m, 0.55m);

    public string? Problem() => Min < 0 || Max > 1 || Min > Max ? "The healthy band is two shares from 0 to 1, the lower first." : null;
}

/// <summary>Key accounts' combined share of sales in a scope (the company, a business unit), and whether it lies outside the band.</summary>
public sealed record BandCheck(string Scope, decimal? KeyShare, HealthyBandRange Band, bool Outside);

/// <summary>
/// The key-account share check: the key accounts' positive net sales over all customers' positive net
/// sales. Outside the band (below its lower or above its upper end; the ends are inside) is flagged;
/// a scope that sold nothing has no share and is not flagged.
/// </summary>
public static class HealthyBand
{
    public static BandCheck Check(string scope, IEnumerable<(decimal Revenue, bool IsKeyAccount)> sales, HealthyBandRange band)
    {
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentNullException.ThrowIfNull(band);
        decimal key = 0, total = 0;
        foreach (var (revenue, isKey) in sales)
        {
            var positive = Math.Max(revenue, 0m);
            total += positive;
            key += isKey ? positive : 0m;
        }

        decimal? share = total > 0 ? key / total : null;
        return new BandCheck(scope, share, band, share is { } s && (s < band.Min || s > band.Max));
    }
}
