using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;
using static KamFlows.Domain.Accounts.AccountClass;

namespace KamFlows.Domain.Tests.Portfolio;

/// <summary>Hand-computed portfolios: 80 % / 15 % thresholds unless said otherwise.</summary>
public sealed class ParetoClassificationTests
{
    private static ParetoRanking Rank(params (string Id, decimal Revenue)[] accounts) =>
        ParetoClassification.Rank([.. accounts.Select(a => a.Id)], [.. accounts.Select(a => a.Revenue)], ParetoThresholds.Default);

    private static Dictionary<string, AccountClass> Classes(ParetoRanking ranking) => ranking.Accounts.ToDictionary(a => a.AccountId, a => a.Class);

    [Fact]
    public void An_account_exactly_on_a_boundary_goes_below_it()
    {
        // 80 ahead of "b" is exactly 80 %: not less, so b is B; 95 ahead of "c": C.
        var ranking = Rank(("c", 5), ("a", 80), ("b", 15));

        Assert.Equal(["a", "b", "c"], ranking.Accounts.Select(a => a.AccountId));
        Assert.Equal([A, B, C], ranking.Accounts.Select(a => a.Class));
        Assert.Equal([0.8m, 0.95m, 1m], ranking.Accounts.Select(a => a.CumulativeShare));
        Assert.Equal(100m, ranking.Total);
    }

    [Fact]
    public void The_account_that_crosses_eighty_percent_is_still_A()
    {
        // 50 ahead of "b" (50 %) → A; 80 ahead of "c" → B; 90 ahead of each 5 → B (they tie).
        var classes = Classes(Rank(("a", 50), ("b", 30), ("c", 10), ("d", 5), ("e", 5)));

        Assert.Equal(A, classes["a"]);
        Assert.Equal(A, classes["b"]);
        Assert.Equal(B, classes["c"]);
        Assert.Equal(B, classes["d"]);
        Assert.Equal(B, classes["e"]);
    }

    [Fact]
    public void Accounts_with_equal_revenue_share_a_class_and_rank_by_id()
    {
        // 60 of 100 ahead of the 20s group → A for both even though together they pass 80 %.
        var ranking = Rank(("z", 60), ("y", 20), ("x", 20));

        Assert.Equal(["z", "x", "y"], ranking.Accounts.Select(a => a.AccountId));
        Assert.Equal([A, A, A], ranking.Accounts.Select(a => a.Class));
        Assert.Equal([1, 2, 3], ranking.Accounts.Select(a => a.Rank));
    }

    [Fact]
    public void Ties_straddling_the_b_boundary_are_all_B()
    {
        // 40+40 = 80 ahead of the three 5s: all three B (before 80 < 95) though the last passes 95 %.
        var classes = Classes(Rank(("a", 40), ("b", 40), ("c", 5), ("d", 5), ("e", 5), ("f", 5)));

        Assert.Equal([A, A, B, B, B, B], new[] { "a", "b", "c", "d", "e", "f" }.Select(id => classes[id]));
    }

    [Fact]
    public void A_single_account_with_revenue_is_A_with_all_of_it()
    {
        var ranking = Rank(("only", 12.5m));

        var only = Assert.Single(ranking.Accounts);
        Assert.Equal(A, only.Class);
        Assert.Equal(1m, only.Share);
        Assert.Equal(1m, only.CumulativeShare);
    }

    [Fact]
    public void A_single_account_without_revenue_is_C() =>
        Assert.Equal(C, Assert.Single(Rank(("only", 0)).Accounts).Class);

    [Fact]
    public void When_nobody_earned_anything_everybody_is_C_with_no_share()
    {
        var ranking = Rank(("a", 0), ("b", 0), ("c", 0));

        Assert.All(ranking.Accounts, a => Assert.Equal(C, a.Class));
        Assert.All(ranking.Accounts, a => Assert.Equal(0m, a.Share));
        Assert.Equal(0m, ranking.Total);
    }

    [Fact]
    public void Negative_corrections_take_no_share_and_are_C()
    {
        // Positive revenue is 100 (not 50): the -50 of credit notes does not shrink the others' shares.
        var ranking = Rank(("a", 60), ("b", 30), ("c", 10), ("refunds", -50));
        var classes = Classes(ranking);

        Assert.Equal(100m, ranking.Total);
        Assert.Equal([A, A, B, C], new[] { "a", "b", "c", "refunds" }.Select(id => classes[id]));
        Assert.Equal(0m, ranking.Accounts.Single(a => a.AccountId == "refunds").Share);
        Assert.Equal("refunds", ranking.Accounts[^1].AccountId);
    }

    [Fact]
    public void A_portfolio_made_only_of_corrections_is_all_C() =>
        Assert.All(Rank(("a", -10), ("b", -1)).Accounts, a => Assert.Equal(C, a.Class));

    [Fact]
    public void The_thresholds_are_configurable()
    {
        var ranking = ParetoClassification.Rank(["a", "b", "c", "d"], [50m, 25m, 15m, 10m], new ParetoThresholds(0.5m, 0.25m));

        Assert.Equal([A, B, C, C], ranking.Accounts.Select(a => a.Class));
    }

    [Fact]
    public void Amounts_too_close_for_a_double_are_still_ranked_exactly()
    {
        // Both are 1.0 as doubles; exactly, "big" earns more, so it alone is ahead of the 50 % line.
        var ranking = ParetoClassification.Rank(["small", "big"], [1.0m, 1.0000000000000000000000000001m], new ParetoThresholds(0.5m, 0.5m));

        Assert.Equal(["big", "small"], ranking.Accounts.Select(a => a.AccountId));
        Assert.Equal([A, B], ranking.Accounts.Select(a => a.Class));
    }

    [Theory]
    [InlineData(0, 0.1, false)]
    [InlineData(1.1, 0, false)]
    [InlineData(0.8, -0.1, false)]
    [InlineData(0.9, 0.2, false)]
    [InlineData(0.8, 0.15, true)]
    [InlineData(1, 0, true)]
    public void Thresholds_are_shares_that_fit_in_one(decimal a, decimal b, bool valid) =>
        Assert.Equal(valid, new ParetoThresholds(a, b).Problem() is null);
}
