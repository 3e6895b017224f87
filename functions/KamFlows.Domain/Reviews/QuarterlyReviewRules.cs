using KamFlows.Domain.Approvals;

namespace KamFlows.Domain.Reviews;

/// <summary>
/// What a review needs to run: one KAM, one head of KAM, one approving director and at least one
/// alternate, the director and the alternates other than the KAM (no one approves their own plan,
/// <see cref="DelegationRule"/>), a quarter, and timings that remind before the due date.
/// </summary>
public static class QuarterlyReviewRules
{
    public static string? Problem(QuarterlyReviewCommand.Open open, IReadOnlyDictionary<string, IReadOnlyList<string>> parties)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(parties);
        if (string.IsNullOrWhiteSpace(open.AccountId) || !Accounts.Quarter.TryParse(open.Quarter, out _))
        {
            return "A review names an account and a quarter such as 2026-Q2.";
        }

        if (Members(parties, QuarterlyReviewDefinition.Kam) is not [var kam]
            || Members(parties, QuarterlyReviewDefinition.HeadOfKam) is not [_]
            || Members(parties, QuarterlyReviewDefinition.Director) is not [var director])
        {
            return "A review has one KAM, one head of KAM and one approving director.";
        }

        var alternates = Members(parties, QuarterlyReviewDefinition.Alternate);
        if (alternates.Count == 0)
        {
            return "A review names an alternate approver to escalate the approval to.";
        }

        if (DelegationRule.IsOwnRequest(director, kam) || alternates.Any(a => DelegationRule.IsOwnRequest(a, kam)))
        {
            return "No one approves their own plan: the director and the alternate are not the KAM.";
        }

        if (alternates.Contains(director, StringComparer.OrdinalIgnoreCase))
        {
            return "The alternate is someone other than the director.";
        }

        return (open.Timings ?? ReviewTimings.Default).Problem();
    }

    internal static IReadOnlyList<string> Members(IReadOnlyDictionary<string, IReadOnlyList<string>> parties, string party) =>
        parties.TryGetValue(party, out var members) ? members : [];
}
