using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;

namespace KamFlows.App.Features.Portfolio;

/// <summary>One class in a quarter: how many accounts, what they earn, their share of revenue.</summary>
public sealed record ClassSummary(AccountClass Class, int Accounts, decimal Revenue, decimal Share);

/// <summary>An account whose class changed this quarter (<see cref="Reason"/>: crossed twice, or overridden), or would change next quarter if its revenue stays where it is.</summary>
public sealed record ClassChangeView(string AccountId, AccountClass? From, AccountClass To, ClassChange Reason, decimal Revenue, AccountClass RevenueClass);

/// <summary>
/// The Pareto classification of a quarter: the classes (after hysteresis and overrides), the
/// cumulative revenue curve, the class changes of this quarter and the pending ones. Revenue is in
/// <see cref="Currency"/>, summed over <see cref="WindowQuarters"/> quarters; rows in a currency
/// without a rate are left out and counted in <see cref="RowsWithoutRate"/>.
/// </summary>
public sealed record ParetoView(
    string Quarter,
    string FirstQuarter,
    int WindowQuarters,
    string Currency,
    decimal ClassAShare,
    decimal ClassBShare,
    decimal TotalRevenue,
    int Accounts,
    IReadOnlyList<ClassSummary> Classes,
    IReadOnlyList<CurvePoint> Curve,
    IReadOnlyList<ClassChangeView> Changes,
    IReadOnlyList<ClassChangeView> Pending,
    int RowsWithoutRate);

/// <summary>Key accounts whose revenue fell two quarters running.</summary>
public sealed record FallingRevenueView(string AccountId, string Detail, IReadOnlyList<string> Quarters);

/// <summary>The portfolio's risk signals in a quarter: mono-dependence per business unit (the flags above the threshold, and every unit's gauge), the key-account share against the healthy band (company and business units), falling revenue of key accounts.</summary>
public sealed record RisksView(
    string Quarter,
    string Currency,
    decimal MonoDependenceShare,
    IReadOnlyList<MonoDependenceFlag> MonoDependence,
    IReadOnlyList<UnitDependence> Dependence,
    IReadOnlyList<BandCheck> HealthyBand,
    IReadOnlyList<FallingRevenueView> FallingRevenue,
    int RowsWithoutRate);

/// <summary>What applying the classes did: accounts whose stored class changed, and those already right.</summary>
public sealed record AppliedClasses(string Quarter, IReadOnlyList<ClassChangeView> Applied, int Unchanged);

/// <summary>An account's health: the score now with the signals behind it, its score at the end of each of the last quarters, and what each cause weighs.</summary>
public sealed record AccountHealthView(string AccountId, DateOnly Today, HealthAssessment Now, IReadOnlyList<HealthAssessment> Quarterly, HealthSettings Weights);
