namespace KamFlows.Domain.Plans;

/// <summary>
/// The plan for one key account, in the sections of the KAM literature. People of the customer are
/// named by contact id only (key contacts, who an action is with), never by name, so a plan frozen in
/// a version still renders once a contact is erased ("[erased]").
/// </summary>
public sealed record AccountPlan(
    string Mission,
    FinancialSummary FinancialSummary,
    CustomerOverview CustomerOverview,
    IReadOnlyList<string> CriticalSuccessFactors,
    IReadOnlyList<PortfolioLine> Portfolio,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<BusinessGoal> Goals)
{
    public IEnumerable<PlanAction> Actions() => Goals.SelectMany(g => g.Milestones).SelectMany(m => m.Actions);
}

/// <summary>What the account earns now and is planned to earn, per year.</summary>
public sealed record FinancialSummary(string Currency, decimal CurrentAnnualRevenue, decimal TargetAnnualRevenue, string? Notes);

/// <summary>Who the customer is and the contacts (by id) the plan counts on.</summary>
public sealed record CustomerOverview(string Text, IReadOnlyList<string> KeyContactIds);

/// <summary>A product line sold to the account, with its current and target yearly revenue.</summary>
public sealed record PortfolioLine(string Line, string Currency, decimal CurrentRevenue, decimal TargetRevenue);

/// <summary>
/// A numeric, dated goal (grow revenue of line X to 2 M by the end of 2027), reached through
/// quarterly milestones, each with a target value on the goal's measure.
/// </summary>
public sealed record BusinessGoal(
    string Id,
    string Title,
    string Measure,
    decimal Target,
    DateOnly Start,
    DateOnly Due,
    IReadOnlyList<Milestone> Milestones);

/// <summary>
/// The value a goal should reach by the end of a quarter ("2026-Q3"), the value reached once known,
/// and the actions that get it there.
/// </summary>
public sealed record Milestone(string Id, string Quarter, decimal Target, decimal? Actual, IReadOnlyList<PlanAction> Actions);

/// <summary>One thing to do by a date, by a member of the account team; it becomes a task in their list.</summary>
public sealed record PlanAction(string Id, string Title, string OwnerUserId, DateOnly Due, bool Done, string? ContactId);
