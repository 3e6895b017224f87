namespace KamFlows.App.Features.Approvals.Delegations;

/// <summary>
/// A director's (or head of KAM's) delegation of their approvals to <see cref="DelegateUserId"/> from
/// <see cref="From"/> until <see cref="Until"/> (exclusive). A removed delegation keeps its row with no
/// delegate, so <see cref="Version"/> only ever grows: each change re-routes under an input id of its own.
/// </summary>
public sealed record DirectorDelegation(string DirectorUserId, string? DelegateUserId, DateTimeOffset? From, DateTimeOffset? Until, int Version)
{
    /// <summary>Who holds the director's approvals at <paramref name="now"/>: the delegate within [from, until), else nobody.</summary>
    public string? DelegateAt(DateTimeOffset now) =>
        DelegateUserId is not null && From <= now && now < Until ? DelegateUserId : null;

    /// <summary>Whether a delegation is set (now or later), as opposed to removed or never set.</summary>
    public bool IsSet => DelegateUserId is not null;
}
