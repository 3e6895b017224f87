using System.Text.Json.Serialization;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Plans;
using KamFlows.Domain.Portfolio;

namespace KamFlows.Domain.Reviews;

/// <summary>
/// What the KAM and the director look at in a quarterly review: the reviewed quarter's milestones
/// against their targets, the Pareto class the revenue proposes, and the account's health with the
/// risk signals behind it. Numbers and ids only: the plan's texts stay in the plan.
/// </summary>
public sealed record ReviewPackage(
    string ReviewedQuarter,
    IReadOnlyList<MilestoneReview> Milestones,
    ClassChangeProposal? ClassChange,
    int HealthScore,
    IReadOnlyList<ReviewRisk> Risks)
{
    /// <summary>How many milestones reached their target (a milestone without an actual value has not).</summary>
    [JsonIgnore]
    public int MilestonesMet => Milestones.Count(m => m.Met);
}

/// <summary>One milestone of the reviewed quarter: its goal, its target and what was reached (null: not reported yet).</summary>
public sealed record MilestoneReview(string GoalId, string MilestoneId, decimal Target, decimal? Actual)
{
    [JsonIgnore]
    public bool Met => Actual is { } actual && actual >= Target;
}

/// <summary>The class the account has and the one the quarter's Pareto classification gives it, when they differ.</summary>
public sealed record ClassChangeProposal(AccountClass? From, AccountClass To);

/// <summary>A risk signal in the package: its cause and what it costs the health score (the words and references stay on the health page).</summary>
public sealed record ReviewRisk(RiskCause Cause, int Weight);

/// <summary>How a review package is made from the plan, the classes and the health assessment.</summary>
public static class ReviewPackages
{
    /// <summary>
    /// The package of the review held in <paramref name="reviewQuarter"/>: the quarter before it is the
    /// one reviewed. A class change is proposed only when the classification differs from the class
    /// the account has (an account never classified gets its first class proposed).
    /// </summary>
    public static ReviewPackage Of(Quarter reviewQuarter, AccountPlan? plan, AccountClass? current, AccountClass? proposed, HealthAssessment health)
    {
        ArgumentNullException.ThrowIfNull(health);
        var reviewed = ReviewedQuarterOf(reviewQuarter).ToString();
        var milestones = plan is null
            ? []
            : plan.Goals.SelectMany(g => g.Milestones.Where(m => m.Quarter == reviewed).Select(m => new MilestoneReview(g.Id, m.Id, m.Target, m.Actual))).ToList();
        var change = proposed is { } to && to != current ? new ClassChangeProposal(current, to) : null;
        return new ReviewPackage(reviewed, milestones, change, health.Score, [.. health.Signals.Select(s => new ReviewRisk(s.Cause, s.Weight))]);
    }

    /// <summary>A review held in a quarter looks back on the quarter that has just ended.</summary>
    public static Quarter ReviewedQuarterOf(Quarter reviewQuarter) => reviewQuarter.Plus(-1);
}
