using System.Globalization;
using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>
/// Falling revenue: the account's net revenue fell in each of the last two complete quarters
/// (Q-2 &gt; Q-1 &gt; Q). A quarter still running is not compared: it would always look low. A
/// quarter without revenue counts as zero.
/// </summary>
public static class FallingRevenue
{
    public static RiskSignal? Detect(AccountFacts facts, DateOnly asOf, HealthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var last = Quarter.LastCompleteOn(asOf);
        var (q0, q1, q2) = (last.Plus(-2), last.Plus(-1), last);
        var (r0, r1, r2) = (Of(facts, q0), Of(facts, q1), Of(facts, q2));
        if (!(r0 > r1 && r1 > r2))
        {
            return null;
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"Revenue fell two quarters running: {q0} {r0:0.##}, {q1} {r1:0.##}, {q2} {r2:0.##}");
        return new RiskSignal(RiskCause.FallingRevenue, detail, [q0.ToString(), q1.ToString(), q2.ToString()], settings.FallingRevenueWeight);
    }

    private static decimal Of(AccountFacts facts, Quarter quarter) => facts.Revenue.TryGetValue(quarter, out var value) ? value : 0m;
}
