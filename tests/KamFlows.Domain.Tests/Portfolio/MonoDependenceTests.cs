using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;

namespace KamFlows.Domain.Tests.Portfolio;

public sealed class MonoDependenceTests
{
    private static readonly QuarterRange Range = new(Quarter.Parse("2026-Q1"), 4);
    private static readonly Quarter Q4 = Quarter.Parse("2026-Q4");

    [Fact]
    public void Exactly_seventy_five_percent_is_not_above_the_threshold()
    {
        AccountRevenue[] unit = [new("big", [0, 0, 0, 75]), new("rest", [0, 0, 0, 25])];

        Assert.Empty(MonoDependence.Flags("PHARMA", Range, unit, Q4, 0.75m));
    }

    [Fact]
    public void Just_above_seventy_five_percent_is_flagged_with_its_four_quarter_trend()
    {
        AccountRevenue[] unit = [new("big", [50, 60, 70, 75.01m]), new("rest", [50, 40, 30, 24.99m])];

        var flag = Assert.Single(MonoDependence.Flags("PHARMA", Range, unit, Q4, 0.75m));

        Assert.Equal("big", flag.AccountId);
        Assert.Equal("PHARMA", flag.BusinessUnit);
        Assert.Equal(0.7501m, flag.Share);
        Assert.Equal([0.5m, 0.6m, 0.7m, 0.7501m], flag.History.Select(h => h.Share!.Value));
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], flag.History.Select(h => h.Quarter.ToString()));
        Assert.Equal(ShareTrend.Rising, flag.Trend);
    }

    [Fact]
    public void The_threshold_is_configurable_and_a_quarter_without_sales_has_no_share()
    {
        AccountRevenue[] unit = [new("big", [0, 90, 80, 60]), new("rest", [0, 10, 20, 40])];

        var flag = Assert.Single(MonoDependence.Flags("PHARMA", Range, unit, Q4, 0.5m));

        Assert.Null(flag.History[0].Share);
        Assert.Equal(ShareTrend.Falling, flag.Trend);
    }

    [Fact]
    public void A_single_customer_is_all_of_its_unit()
    {
        var flag = Assert.Single(MonoDependence.Flags("PHARMA", Range, [new("only", [1, 1, 1, 1])], Q4, 0.75m));

        Assert.Equal(1m, flag.Share);
        Assert.Equal(ShareTrend.Steady, flag.Trend);
    }

    [Fact]
    public void Credit_notes_do_not_inflate_a_share_beyond_the_positive_sales()
    {
        // Net total would be 70; of positive sales (100) big makes 70 %.
        AccountRevenue[] unit = [new("big", [0, 0, 0, 70]), new("small", [0, 0, 0, 30]), new("refund", [0, 0, 0, -30])];

        Assert.Empty(MonoDependence.Flags("PHARMA", Range, unit, Q4, 0.75m));
    }

    [Fact]
    public void The_gauge_shows_a_unit_below_the_threshold_too_with_the_largest_share_of_each_quarter()
    {
        // Q1-Q2 "a" is the largest customer, from Q3 "b": the trend follows the largest share, whoever holds it.
        AccountRevenue[] unit = [new("a", [60, 50, 20, 10]), new("b", [40, 50, 80, 70]), new("c", [0, 0, 0, 20])];

        var gauge = MonoDependence.Gauge("PHARMA", Range, unit, Q4, 0.75m);

        Assert.Equal("b", gauge.LargestAccountId);
        Assert.Equal(0.7m, gauge.Share);
        Assert.False(gauge.Flagged);
        Assert.Equal([0.6m, 0.5m, 0.8m, 0.7m], gauge.History.Select(h => h.Share!.Value));
        Assert.Equal(ShareTrend.Rising, gauge.Trend);
    }

    [Fact]
    public void The_gauge_is_flagged_exactly_when_the_unit_is()
    {
        AccountRevenue[] above = [new("big", [0, 0, 0, 75.01m]), new("rest", [0, 0, 0, 24.99m])];
        AccountRevenue[] at = [new("big", [0, 0, 0, 75]), new("rest", [0, 0, 0, 25])];

        Assert.True(MonoDependence.Gauge("PHARMA", Range, above, Q4, 0.75m).Flagged);
        Assert.False(MonoDependence.Gauge("PHARMA", Range, at, Q4, 0.75m).Flagged);
        Assert.Null(MonoDependence.Gauge("PHARMA", Range, [], Q4, 0.75m).Share);
    }
}
