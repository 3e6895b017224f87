using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;
using static KamFlows.Domain.Accounts.AccountClass;

namespace KamFlows.Domain.Tests.Portfolio;

public sealed class PortfolioClassesTests
{
    private static readonly QuarterRange FourQuarters = new(Quarter.Parse("2026-Q1"), 4);

    [Fact]
    public void Hysteresis_over_several_quarters_with_a_one_quarter_window()
    {
        // "big" and "mid" swap places in Q2 only, back in Q3, then for good from Q4: the swap happens in Q1 of 2027.
        AccountRevenue[] accounts =
        [
            new("big", [70, 10, 70, 10, 10]),
            new("mid", [10, 70, 10, 70, 70]),
            new("small", [20, 20, 20, 20, 20]),
        ];

        var result = PortfolioClasses.Compute(new QuarterRange(Quarter.Parse("2026-Q1"), 5), accounts, 1, ParetoThresholds.Default, []);
        var byId = result.Accounts.ToDictionary(a => a.AccountId);

        // Raw classes when big leads: big A (0 ahead), small A (70 ahead < 80), mid B (90 ahead); when mid leads, the other way round.
        Assert.Equal(A, byId["big"].Previous);
        Assert.Equal(B, byId["big"].Class);
        Assert.True(byId["big"].Changed);
        Assert.Equal(ClassChange.Crossed, byId["big"].Change);
        Assert.Equal(A, byId["mid"].Class);
        Assert.Equal(A, byId["small"].Class);
        Assert.False(byId["small"].Changed);
        Assert.All(result.Accounts, a => Assert.False(a.Pending));
        Assert.Equal(Quarter.Parse("2027-Q1"), result.Quarter);
    }

    [Fact]
    public void Hysteresis_changes_in_the_second_quarter_across_not_the_first()
    {
        AccountRevenue[] accounts = [new("big", [70, 70, 70, 10]), new("mid", [10, 10, 10, 70]), new("small", [20, 20, 20, 20])];

        var byId = PortfolioClasses.Compute(FourQuarters, accounts, 1, ParetoThresholds.Default, []).Accounts.ToDictionary(a => a.AccountId);

        // Q4 alone puts big in B and mid in A: pending, not changed yet.
        Assert.Equal(A, byId["big"].Class);
        Assert.Equal(B, byId["big"].RevenueClass);
        Assert.True(byId["big"].Pending);
        Assert.Equal(B, byId["mid"].Class);
        Assert.True(byId["mid"].Pending);
    }

    [Fact]
    public void The_window_sums_the_last_quarters_so_one_bad_quarter_moves_no_one()
    {
        // With a four-quarter window, big's single weak Q4 leaves it far ahead: 220 of 400, still A by its revenue.
        AccountRevenue[] accounts = [new("big", [70, 70, 70, 10]), new("mid", [10, 10, 10, 70]), new("small", [20, 20, 20, 20])];

        var result = PortfolioClasses.Compute(FourQuarters, accounts, 4, ParetoThresholds.Default, []);
        var big = result.Accounts.Single(a => a.AccountId == "big");

        Assert.Equal(220m, big.Revenue);
        Assert.Equal(A, big.RevenueClass);
        Assert.False(big.Pending);
        Assert.Equal(["big", "mid", "small"], result.Ranking.Accounts.Select(a => a.AccountId));
        Assert.Equal(400m, result.Ranking.Total);
    }

    [Fact]
    public void An_override_wins_and_an_account_known_only_by_its_override_is_classified()
    {
        AccountRevenue[] accounts = [new("big", [70, 70, 70, 70]), new("small", [30, 30, 30, 30])];
        ClassOverride[] overrides =
        [
            new("small", Quarter.Parse("2026-Q4"), C, "Customer announced it leaves"),
            new("newcomer", Quarter.Parse("2026-Q3"), A, "Framework contract signed"),
            new("big", Quarter.Parse("2027-Q1"), C, "After the range: ignored"),
        ];

        var byId = PortfolioClasses.Compute(FourQuarters, accounts, 1, ParetoThresholds.Default, overrides).Accounts.ToDictionary(a => a.AccountId);

        Assert.Equal(C, byId["small"].Class);
        Assert.Equal(ClassChange.Override, byId["small"].Change);
        Assert.Equal(A, byId["newcomer"].Class);
        Assert.Equal(C, byId["newcomer"].RevenueClass);
        Assert.True(byId["newcomer"].Pending);
        Assert.Equal(A, byId["big"].Class);
    }

    [Fact]
    public void An_override_before_the_range_sets_the_starting_class()
    {
        AccountRevenue[] accounts = [new("big", [70, 70, 70, 70]), new("small", [30, 30, 30, 30])];

        var small = PortfolioClasses.Compute(FourQuarters, accounts, 1, ParetoThresholds.Default, [new("small", Quarter.Parse("2025-Q2"), C, "old")])
            .Accounts.Single(a => a.AccountId == "small");

        // Starts at C by the override, revenue says A from Q2 on: A in Q3.
        Assert.Equal(A, small.Class);
        Assert.Equal(A, small.Previous);
    }
}
