using KamFlows.Domain.Accounts;
using KamFlows.Domain.Tenders;

namespace KamFlows.Domain.Tests.Tenders;

/// <summary>The decision maker and an influencer known, each with an interaction in the last 90 days; each gap named.</summary>
public sealed class BuyingGroupCoverageTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void A_fresh_decision_maker_and_influencer_leave_no_gap() =>
        Assert.Empty(BuyingGroupCoverage.Gaps(
            [new("c1", DecisionRole.DecisionMaker, Today.AddDays(-90)), new("c2", DecisionRole.Influencer, Today.AddDays(-3))], Today, 90));

    [Fact]
    public void A_missing_role_is_a_gap_naming_the_role() =>
        Assert.Equal(
            [new CoverageGap(CoverageGapKind.MissingRole, DecisionRole.Influencer)],
            BuyingGroupCoverage.Gaps([new("c1", DecisionRole.DecisionMaker, Today), new("c3", DecisionRole.User, Today)], Today, 90));

    [Fact]
    public void Nobody_known_is_two_gaps() =>
        Assert.Equal([CoverageGapKind.MissingRole, CoverageGapKind.MissingRole], BuyingGroupCoverage.Gaps([], Today, 90).Select(g => g.Kind));

    [Fact]
    public void Stale_holders_of_a_role_are_each_a_gap_naming_the_contact()
    {
        var gaps = BuyingGroupCoverage.Gaps(
            [new("c1", DecisionRole.DecisionMaker, Today.AddDays(-91)), new("c0", DecisionRole.DecisionMaker, null), new("c2", DecisionRole.Influencer, Today)], Today, 90);

        Assert.Equal(
            [new CoverageGap(CoverageGapKind.StaleContact, DecisionRole.DecisionMaker, "c0", null), new CoverageGap(CoverageGapKind.StaleContact, DecisionRole.DecisionMaker, "c1", Today.AddDays(-91))],
            gaps);
    }

    [Fact]
    public void One_fresh_holder_covers_the_role() =>
        Assert.Empty(BuyingGroupCoverage.Gaps(
            [new("c1", DecisionRole.DecisionMaker, Today.AddDays(-200)), new("c4", DecisionRole.DecisionMaker, Today), new("c2", DecisionRole.Influencer, Today)], Today, 90));

    [Fact]
    public void The_period_is_configurable() =>
        Assert.Equal(2, BuyingGroupCoverage.Gaps(
            [new("c1", DecisionRole.DecisionMaker, Today.AddDays(-40)), new("c2", DecisionRole.Influencer, Today.AddDays(-31))], Today, 30).Count);
}
