using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Tenders;

/// <summary>A contact of the account's decision-making group as the coverage check sees it: ids, role and the last interaction only.</summary>
public sealed record BuyingGroupMember(string ContactId, DecisionRole? Role, DateOnly? LastInteractionOn);

public enum CoverageGapKind
{
    /// <summary>No active contact of the account has this role.</summary>
    MissingRole,

    /// <summary>Contacts with the role are known, but none has had an interaction recently: this one is stale.</summary>
    StaleContact,
}

/// <summary>A gap in our coverage of the buying group: a role nobody holds, or a contact we have not been in touch with.</summary>
public sealed record CoverageGap(CoverageGapKind Kind, DecisionRole Role, string? ContactId = null, DateOnly? LastInteractionOn = null);

/// <summary>
/// The rule of buying-group coverage before a tender: the decision maker and at least one influencer
/// are known, and for each of the two roles at least one holder has had an interaction within the
/// last <c>days</c> days. Each role nobody holds is a gap; for a role whose holders are all stale,
/// each of them is a gap, so the task names whom to get back in touch with.
/// </summary>
public static class BuyingGroupCoverage
{
    public static IReadOnlyList<DecisionRole> Required { get; } = [DecisionRole.DecisionMaker, DecisionRole.Influencer];

    public static IReadOnlyList<CoverageGap> Gaps(IReadOnlyList<BuyingGroupMember> members, DateOnly today, int days)
    {
        var since = today.AddDays(-days);
        var gaps = new List<CoverageGap>();
        foreach (var role in Required)
        {
            var holders = members.Where(m => m.Role == role).OrderBy(m => m.ContactId, StringComparer.Ordinal).ToList();
            if (holders.Count == 0)
            {
                gaps.Add(new CoverageGap(CoverageGapKind.MissingRole, role));
            }
            else if (!holders.Any(h => h.LastInteractionOn >= since))
            {
                gaps.AddRange(holders.Select(h => new CoverageGap(CoverageGapKind.StaleContact, role, h.ContactId, h.LastInteractionOn)));
            }
        }

        return gaps;
    }
}
