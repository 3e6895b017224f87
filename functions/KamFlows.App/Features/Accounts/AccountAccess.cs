using System.Security.Claims;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Accounts;

/// <summary>
/// The ownership rule, in one place: a KAM sees and changes the accounts of his team (owner or
/// co-KAM) and no other, which do not exist for him (404, so existence does not leak); heads of KAM
/// and administrators see and change all; directors read all. Soft personal data is the account
/// team's alone; a subject-access export is the team's or an administrator's.
/// </summary>
public sealed class AccountAccess(AccountStore accounts)
{
    /// <summary>The account with what <paramref name="who"/> may do with it; null when it does not exist for them.</summary>
    public async Task<AccountGrant?> FindAsync(ClaimsPrincipal who, string accountId, CancellationToken ct) =>
        await accounts.FindAsync(accountId, ct) is { } found && Of(who, found) is { } grant ? grant : null;

    public static AccountGrant? Of(ClaimsPrincipal who, Versioned<Account> account)
    {
        var team = account.Value.IsInTeam(who.KamFlowsUserId());
        var manages = who.Has(Role.HeadOfKam) || who.Has(Role.Admin);
        if (!team && !manages && !who.Has(Role.Director))
        {
            return null;
        }

        return new AccountGrant(account, CanChange: team || manages, IsTeam: team, IsAdmin: who.Has(Role.Admin));
    }

    /// <summary>Whose accounts a list shows: null for everyone's, else the signed-in user's team accounts.</summary>
    public static string? ListScope(ClaimsPrincipal who) =>
        who.Has(Role.HeadOfKam) || who.Has(Role.Admin) || who.Has(Role.Director) ? null : who.KamFlowsUserId() ?? "";

    /// <summary>A KAM creates accounts for his own team only; heads of KAM and administrators for anyone.</summary>
    public static bool MayCreate(ClaimsPrincipal who, Account account) =>
        who.Has(Role.HeadOfKam) || who.Has(Role.Admin) || (who.Has(Role.Kam) && account.IsInTeam(who.KamFlowsUserId()));
}

/// <summary>One account as one person may use it.</summary>
public sealed record AccountGrant(Versioned<Account> Account, bool CanChange, bool IsTeam, bool IsAdmin)
{
    public string Id => Account.Value.Id;

    /// <summary>Soft personal data (birthday, family ...) is for the people who meet the contact, no one else.</summary>
    public bool CanReadPersonalData => IsTeam;

    public bool CanExportPersonalData => IsTeam || IsAdmin;
}
