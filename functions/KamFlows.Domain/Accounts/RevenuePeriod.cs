using System.Text.RegularExpressions;

namespace KamFlows.Domain.Accounts;

/// <summary>Revenue is entered per calendar quarter ("2026-Q1"), the period the A/B/C class is recomputed for.</summary>
public static partial class RevenuePeriod
{
    public static bool IsValid(string? period) => period is not null && Pattern().IsMatch(period);

    [GeneratedRegex("^(19|20)[0-9]{2}-Q[1-4]$")]
    private static partial Regex Pattern();
}
