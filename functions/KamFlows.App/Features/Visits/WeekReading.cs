using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Visits;

namespace KamFlows.App.Features.Visits;

/// <summary>
/// A KAM's week as <c>GET /api/me/week</c> and My day show it, on the KAM's calendar: the week's visit
/// or call of each active account they are on the team of, by its day, missed or not on their today
/// and with its open task's due time; and the other open tasks due that week.
/// </summary>
public sealed class WeekReading(TeamIndex team, AccountStore accounts, VisitStore visits, TaskStore tasks, WeekPlanning planning, TimeProvider clock)
{
    /// <summary>Today on the KAM's calendar: the week a page or a request without one means.</summary>
    public DateOnly TodayOf(User kam) => planning.CalendarOf(kam).DateOf(clock.GetUtcNow());

    public async Task<MyWeek> ReadAsync(User me, IsoWeek which, CancellationToken ct)
    {
        var calendar = planning.CalendarOf(me);
        var today = calendar.DateOf(clock.GetUtcNow());
        var open = new List<WorkTask>();
        string? token = null;
        do
        {
            var page = await tasks.ListOpenAsync(me.Id, calendar.At(which.Monday, TimeOnly.MinValue), calendar.At(which.Monday.AddDays(7), TimeOnly.MinValue), token, 100, ct);
            open.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        // A visit's task follows it when moved: its due time is the visit's time.
        var visitDue = open.Where(WeekPlanning.IsVisitTask).ToDictionary(t => t.Id, t => t.DueAt, StringComparer.Ordinal);
        var mine = new List<VisitView>();
        foreach (var account in await team.ActiveAccountsOfAsync(me.Id, async id => (await accounts.FindAsync(id, ct))?.Value, ct))
        {
            if (await visits.FindAsync(account.Id, which, me.Id, ct) is { } visit)
            {
                mine.Add(new VisitView(visit.Value, account.Name, visit.Value.IsMissedOn(today), visitDue.TryGetValue(visit.Value.TaskId, out var due) ? due : null));
            }
        }

        var others = open.Where(t => !WeekPlanning.IsVisitTask(t)).ToList();
        return new MyWeek(which.ToString(), [.. which.Days.Select(d => new WeekDay(
            d,
            calendar.Calendar.IsBusinessDay(d),
            [.. mine.Where(v => v.Visit.PlannedOn == d).OrderBy(v => v.AccountName, StringComparer.Ordinal)],
            [.. others.Where(t => calendar.DateOf(t.DueAt) == d).Select(t => new WeekTask(t.Id, t.Kind, t.Title, t.AccountId, t.DueAt))]))]);
    }
}
