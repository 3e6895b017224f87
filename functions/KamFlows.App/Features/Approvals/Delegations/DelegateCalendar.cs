using KamFlows.App.Features.Users;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Features.Approvals.Delegations;

/// <summary>The calendar a delegate's party gets: where the delegate works and their clock.</summary>
internal static class DelegateCalendar
{
    public static PartyCalendar Of(User user) => new(user.Country, user.Region, null, user.TimeZone);
}
