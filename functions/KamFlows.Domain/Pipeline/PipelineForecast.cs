using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Pipeline;

/// <summary>One quarter of the pipeline: the deals expected to close in it, their value and their value weighted by stage.</summary>
public sealed record QuarterPipeline(Quarter Quarter, int Deals, decimal Value, decimal Weighted, int Late);

/// <summary>
/// Revenue against the plans' goals for a span (a quarter or a year): what is booked, what the open
/// deals closing in it are worth weighted by their stage, and what is still missing after both.
/// </summary>
public sealed record GoalCoverage(decimal Goal, decimal Booked, decimal Weighted)
{
    public decimal Gap => Math.Max(0, Goal - Booked - Weighted);

    /// <summary>Booked plus weighted as a share of the goal; null without a goal.</summary>
    public decimal? Covered => Goal > 0 ? (Booked + Weighted) / Goal : null;
}

/// <summary>The pipeline by expected close, and the current quarter and year against the plans' goals.</summary>
public sealed record Forecast(IReadOnlyList<QuarterPipeline> ByQuarter, GoalCoverage Quarter, GoalCoverage Year);

/// <summary>
/// The forecast a head of KAM reads beside the account plans: each open deal weighted by the
/// likelihood of its stage, summed by the quarter it is expected to close in. A deal whose expected
/// close has passed without an outcome is still open: it counts in the current quarter and is marked
/// late, because that is when it can still close. The quarter's goal is a quarter of the plans'
/// annual targets (the plans set revenue by year; their milestones measure goals, not revenue).
/// </summary>
public static class PipelineForecast
{
    public static Forecast Build(
        IEnumerable<Opportunity> open,
        StageLikelihoods likelihoods,
        DateOnly today,
        decimal annualGoal,
        decimal bookedThisQuarter,
        decimal bookedThisYear)
    {
        var current = Quarter.Of(today);
        var byQuarter = open
            .Select(o => (Quarter: o.ExpectedClose < today ? current : Quarter.Of(o.ExpectedClose), Late: o.ExpectedClose < today, Deal: o))
            .GroupBy(o => o.Quarter)
            .OrderBy(g => g.Key)
            .Select(g => new QuarterPipeline(
                g.Key,
                g.Count(),
                g.Sum(o => o.Deal.Value),
                g.Sum(o => o.Deal.Value * likelihoods.Of(o.Deal.Kind, o.Deal.Stage)),
                g.Count(o => o.Late)))
            .ToList();

        var weightedQuarter = byQuarter.Where(q => q.Quarter == current).Sum(q => q.Weighted);
        var weightedYear = byQuarter.Where(q => q.Quarter.Year == today.Year).Sum(q => q.Weighted);
        return new Forecast(
            byQuarter,
            new GoalCoverage(annualGoal / 4, bookedThisQuarter, weightedQuarter),
            new GoalCoverage(annualGoal, bookedThisYear, weightedYear));
    }
}
