using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Visits;

/// <summary>How often the KAM contacts an account: every so many weeks, in person or by phone.</summary>
public sealed record Cadence(int EveryWeeks, InteractionKind Kind)
{
    public const int MaxWeeks = 26;
}

/// <summary>
/// The cadence of each Pareto class: by default A weekly (a visit), B every two weeks (a visit), C
/// monthly (a call every four weeks, so it falls in the same week of each four). An account without
/// a class yet is treated as C.
/// </summary>
public sealed record CadenceSettings(Cadence A, Cadence B, Cadence C)
{
    public static CadenceSettings Default { get; } = new(new(1, InteractionKind.Visit), new(2, InteractionKind.Visit), new(4, InteractionKind.Call));

    public Cadence For(AccountClass? accountClass) => accountClass switch
    {
        AccountClass.A => A,
        AccountClass.B => B,
        _ => C,
    };
}
