using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Proposals;

namespace KamFlows.App.Features.Proposals;

/// <summary>
/// Who may grant what discount, as the follow-up needs it at submission: the KAM's limit (on the
/// user), the account's approving director, and the alternate the approval escalates to (the
/// account's alternate director, else the business unit's head of KAM), with their calendars.
/// </summary>
public sealed class DiscountAuthorities(UserDirectory users, BusinessUnitCatalog units)
{
    public async Task<DiscountAuthority> ForAsync(string kamUserId, Account account, CancellationToken ct)
    {
        var fallback = new PartyCalendar(account.Country, account.Region, null, account.TimeZone);
        var limit = (await users.FindAsync(kamUserId, ct))?.Value.DiscountLimitPercent ?? 0m;
        var alternate = account.AlternateDirectorUserId
            ?? (await units.FindAsync(account.BusinessUnit, ct))?.Value.HeadOfKamUserId
            ?? account.DirectorUserId; // the approval refuses an alternate who is the approver: the KAM is told, nothing is sent
        return new DiscountAuthority(limit, account.DirectorUserId, await CalendarOfAsync(account.DirectorUserId, fallback, ct),
            alternate, await CalendarOfAsync(alternate, fallback, ct));
    }

    /// <summary>Where a user works and their clock; <paramref name="fallback"/> for a user not found.</summary>
    public async Task<PartyCalendar> CalendarOfAsync(string userId, PartyCalendar fallback, CancellationToken ct) =>
        (await users.FindAsync(userId, ct))?.Value is { } user ? new PartyCalendar(user.Country, user.Region, null, user.TimeZone) : fallback;
}
