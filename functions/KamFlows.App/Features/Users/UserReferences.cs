using KamFlows.App.Features.BusinessUnits;

namespace KamFlows.App.Features.Users;

/// <summary>
/// What still depends on a person, so they are not deactivated while work would be left with nobody:
/// business units they head or approve for (and, with the accounts feature, the accounts they own).
/// </summary>
public sealed class UserReferences(BusinessUnitCatalog units)
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

        return found;
    }
}
