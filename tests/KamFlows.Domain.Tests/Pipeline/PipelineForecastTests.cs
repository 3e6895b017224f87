using KamFlows.Domain.Accounts;
using KamFlows.Domain.Pipeline;
using static KamFlows.Domain.Pipeline.OpportunityKind;

namespace KamFlows.Domain.Tests.Pipeline;

public sealed class PipelineForecastTests
{
    private static readonly DateOnly Today = new(2026, 5, 12);

    private static readonly StageLikelihoods Likelihoods = new(new Dictionary<OpportunityKind, IReadOnlyDictionary<string, decimal>>
    {
        [Proposal] = new Dictionary<string, decimal> { ["Sent"] = 0.2m, ["NextStepsAgreed"] = 0.5m },
        [Tender] = new Dictionary<string, decimal> { ["BidDraft"] = 0.3m },
    });

    private static Opportunity Deal(OpportunityKind kind, string stage, decimal value, DateOnly close) =>
        new(kind, Guid.NewGuid().ToString("N"), "acc", "deal", stage, value, close);

    [Fact]
    public void Each_deal_is_weighted_by_the_likelihood_of_its_stage_and_summed_in_the_quarter_it_closes()
    {
        var forecast = PipelineForecast.Build(
            [
                Deal(Proposal, "Sent", 1000m, new(2026, 6, 30)),
                Deal(Proposal, "NextStepsAgreed", 400m, new DateOnly(2026, 5, 1)),
                Deal(Tender, "BidDraft", 10_000m, new(2026, 11, 3)),
            ],
            Likelihoods, Today, annualGoal: 40_000m, bookedThisQuarter: 2_000m, bookedThisYear: 9_000m);

        Assert.Equal([new Quarter(2026, 2), new Quarter(2026, 4)], forecast.ByQuarter.Select(q => q.Quarter));
        var q2 = forecast.ByQuarter[0];
        Assert.Equal((2, 1400m, 400m), (q2.Deals, q2.Value, q2.Weighted));
        Assert.Equal(3000m, forecast.ByQuarter[1].Weighted);
    }

    [Fact]
    public void The_quarter_and_the_year_are_measured_against_the_plans_annual_goal()
    {
        var forecast = PipelineForecast.Build(
            [Deal(Proposal, "Sent", 1000m, new(2026, 6, 30)), Deal(Tender, "BidDraft", 10_000m, new(2026, 11, 3)), Deal(Tender, "BidDraft", 50_000m, new(2027, 2, 1))],
            Likelihoods, Today, annualGoal: 40_000m, bookedThisQuarter: 2_000m, bookedThisYear: 9_000m);

        Assert.Equal(10_000m, forecast.Quarter.Goal);
        Assert.Equal(200m, forecast.Quarter.Weighted);
        Assert.Equal(7_800m, forecast.Quarter.Gap);
        Assert.Equal(3_200m, forecast.Year.Weighted); // next year's tender is not this year's
        Assert.Equal(27_800m, forecast.Year.Gap);
        Assert.Equal(12_200m / 40_000m, forecast.Year.Covered);
    }

    [Fact]
    public void A_deal_past_its_expected_close_still_counts_now_and_is_marked_late()
    {
        var forecast = PipelineForecast.Build([Deal(Tender, "BidDraft", 100m, new(2026, 3, 2))], Likelihoods, Today, 0m, 0m, 0m);

        var only = Assert.Single(forecast.ByQuarter);
        Assert.Equal((new Quarter(2026, 2), 1), (only.Quarter, only.Late));
        Assert.Null(forecast.Year.Covered);
    }

    [Fact]
    public void A_stage_without_a_likelihood_is_counted_but_not_weighted()
    {
        var forecast = PipelineForecast.Build([Deal(Proposal, "Invented", 100m, Today)], Likelihoods, Today, 0m, 0m, 0m);

        Assert.Equal((100m, 0m), (forecast.ByQuarter[0].Value, forecast.ByQuarter[0].Weighted));
    }

    [Fact]
    public void A_likelihood_outside_zero_to_one_is_a_problem()
    {
        var bad = new StageLikelihoods(new Dictionary<OpportunityKind, IReadOnlyDictionary<string, decimal>>
        {
            [Tender] = new Dictionary<string, decimal> { ["Submitted"] = 1.5m },
        });

        Assert.Contains("Tender stage Submitted", bad.Problem());
        Assert.Null(Likelihoods.Problem());
    }
}
