using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Accounts;

/// <summary>
/// A key account: who the customer is (tax id, place), who works on it (the account team: one owner
/// KAM and optional co-KAMs), who approves its plans and bids, where the relationship stands and what
/// it earns. The A/B/C class is computed each quarter elsewhere and only shown here.
/// </summary>
public sealed record Account(
    string Id,
    string Name,
    string TaxId,
    TaxIdScheme TaxIdScheme,
    string Country,
    string? Region,
    string TimeZone,
    string BusinessUnit,
    string? Segment,
    string OwnerUserId,
    IReadOnlyList<string> CoKamUserIds,
    string DirectorUserId,
    string? AlternateDirectorUserId,
    RelationshipStage Stage,
    IReadOnlyList<RevenueEntry> Revenue,
    AccountStatus Status,
    AccountClass? Class,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ArchivedAt)
{
    /// <summary>The owner first, then the co-KAMs: the people who may read the contacts' soft personal data.</summary>
    public IEnumerable<string> Team() => CoKamUserIds.Prepend(OwnerUserId);

    public bool IsInTeam(string? userId) => userId is not null && (OwnerUserId == userId || CoKamUserIds.Contains(userId));
}

/// <summary>Revenue of one quarter, entered by hand until sales lines are imported.</summary>
public sealed record RevenueEntry(string Period, decimal Amount, string Currency);
