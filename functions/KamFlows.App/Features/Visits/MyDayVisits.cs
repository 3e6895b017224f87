using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Pages;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Visits;

namespace KamFlows.App.Features.Visits;

/// <summary>
/// A visit or call on My day: the visit, where it stands, when its open task is due (null once done),
/// and its account's name if the reader may see the account.
/// </summary>
public sealed record DayVisit(Visit Visit, VisitStanding Standing, DateTimeOffset? DueAt, string? AccountName);

/// <summary>
/// My day's visits and calls of this week for a KAM: the week <c>GET /api/me/week</c> gives
/// (<see cref="WeekReading"/>, this ISO week on the KAM's calendar), by day. One still open is marked
/// done with its task's form (<c>TaskPages</c>, antiforgery; the visit follows the task).
/// </summary>
public sealed class MyDayVisits(WeekReading weeks, AccountStore accounts) : IMyDaySection
{
    public int Order => MyDaySectionOrder.Visits;

    public async Task<MyDaySectionView?> ReadAsync(PageViewer viewer, CancellationToken ct)
    {
        // Only KAMs have a week planned (the nightly plan is for them).
        if (viewer.User is not { } user || !user.HasRole(Role.Kam))
        {
            return null;
        }

        var week = await weeks.ReadAsync(user, IsoWeek.Of(weeks.TodayOf(user)), ct);
        // The week lists the accounts of the KAM's team; the name still only as the other sections give it.
        var names = new AccountNames(accounts, viewer.Principal);
        var shown = new List<DayVisit>();
        foreach (var view in week.Days.SelectMany(d => d.Visits))
        {
            shown.Add(new DayVisit(view.Visit, view.Standing, view.DueAt, await names.OfAsync(view.Visit.AccountId, ct)));
        }

        return new MyDaySectionView(typeof(MyDayVisitsSection), new Dictionary<string, object>
        {
            [nameof(MyDayVisitsSection.Visits)] = shown,
            [nameof(MyDayVisitsSection.Clock)] = viewer.Clock,
        });
    }
}
