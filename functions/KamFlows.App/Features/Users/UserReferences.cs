using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.BusinessUnits;

namespace KamFlows.App.Features.Users;

/// <summary>
/// What still depends on a person, so they are not deactivated while work would be left with nobody:
/// business units they head or approve for, and the active accounts they own or co-own.
/// </summary>
public sealed class UserReferences(BusinessUnitCatalog units, AccountStore accounts, TeamIndex teams)
{
    public async Task<IReadOnlyList<string>> FindAsync(string userId, CancellationToken ct)
    {
        var found = new List<string>();
        foreach (var unit in await units.ListAsync(ct))
        {
            if (unit.HeadOfKamUserId == userId) found.Add($"head of KAM of business unit {unit.Code}");
            if (unit.DirectorUserId == userId) found.Add($"director of business unit {unit.Code}");
            if (unit.AlternateDirectorUserId == userId) found.Add($"alternate director of business unit {unit.Code}");
        }

        // An archived account needs no one; an active one would be left without its KAM.
        foreach (var account in await teams.ActiveAccountsOfAsync(userId, async id => (await accounts.FindAsync(id, ct))?.Value, ct))
        {
            found.Add(account.OwnerUserId == userId ? $"owner of account {account.Id}" : $"co-KAM of account {account.Id}");
        }

        return found;
    }
}
