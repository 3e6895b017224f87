namespace KamFlows.Domain.Tenders;

/// <summary>What makes a tender date and an outcome acceptable: the API refuses them as bad input, the decider as stale, with the same words.</summary>
public static class TenderRules
{
    public const int MaxYearsAhead = 3;

    /// <summary>A tender date is after today (the account's date) and at most three years ahead.</summary>
    public static string? DateProblem(DateOnly date, DateOnly today) =>
        date <= today ? "The tender date is after today."
        : date > today.AddYears(MaxYearsAhead) ? $"The tender date is at most {MaxYearsAhead} years ahead."
        : null;

    /// <summary>A loss is recorded with its reasons, so the win/loss figures can say why.</summary>
    public static string? OutcomeProblem(TenderResult result, IReadOnlyList<string>? reasons) =>
        result == TenderResult.Lost && !(reasons ?? []).Any(r => !string.IsNullOrWhiteSpace(r)) ? "A loss needs its reasons." : null;
}
