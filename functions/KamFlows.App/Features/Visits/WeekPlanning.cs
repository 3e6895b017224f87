using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Calendar;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Tasks;
using KamFlows.Domain.Visits;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Visits;

/// <summary>
/// Plans a KAM's week (<see cref="WeekPlanner"/>, on the business days of the KAM's calendar) and
/// makes it real: a visit row per planned contact, then its task. Both are keyed by account, week
/// and KAM, so planning a week again creates nothing twice, and a visit already moved or recorded
/// stays as it is; a planning cut short by a crash is finished by the next one.
/// </summary>
public sealed partial class WeekPlanning(
    TeamIndex team, AccountStore accounts, VisitStore visits, TaskLifecycle tasks, BusinessCalendars calendars,
    IOptions<VisitsOptions> options, ILogger<WeekPlanning> logger)
{
    public const string VisitTask = "visit";
    public const string CallTask = "call";

    public static bool IsVisitTask(WorkTask task) =>
        task is { Kind: VisitTask or CallTask, ProcessId: null, AccountId: not null, SourceKey: { } key } && key.StartsWith("visit|", StringComparison.Ordinal);

    public ZonedBusinessCalendar CalendarOf(User kam) => calendars.For(new CalendarKey(kam.Country, kam.Region), kam.TimeZone);

    /// <summary>Plans <paramref name="week"/> for <paramref name="kam"/>; returns the visits this call stored (0 when planned before).</summary>
    public async Task<int> PlanAsync(User kam, IsoWeek week, CancellationToken ct)
    {
        var calendar = CalendarOf(kam);
        var owned = (await team.ActiveAccountsOfAsync(kam.Id, async id => (await accounts.FindAsync(id, ct))?.Value, ct))
            .Where(a => a.OwnerUserId == kam.Id).ToList();
        var planned = new List<PlannedAccount>();
        foreach (var account in owned)
        {
            planned.Add(new PlannedAccount(account.Id, account.Class, await visits.CadenceOfAsync(account.Id, ct)));
        }

        var plan = WeekPlanner.Plan(week, planned, [.. week.Days.Where(calendar.Calendar.IsBusinessDay)], options.Value.Cadences);
        var stored = 0;
        foreach (var contact in plan)
        {
            var key = Visit.KeyOf(contact.AccountId, week, kam.Id);
            var visit = new Visit(contact.AccountId, week.ToString(), kam.Id, contact.Kind, contact.On, TaskIds.FromEffect(key), VisitStatus.Planned, null, null);
            if (await visits.AddAsync(visit, ct))
            {
                stored++;
            }

            var current = (await visits.FindAsync(contact.AccountId, week, kam.Id, ct))!.Value;
            // The task follows the row (a moved visit keeps its day); created once, by the key.
            await tasks.CreateAsync(
                new CreateTask(contact.Kind == InteractionKind.Call ? CallTask : VisitTask, kam.Id,
                    new TaskDue.AssigneeLocal(current.PlannedOn, options.Value.DueAt), contact.AccountId),
                key, null, ct, sourceKey: key);
        }

        LogPlanned(logger, week, plan.Count, stored);
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planned week {Week} of a KAM: {Planned} contacts, {Stored} new")]
    private static partial void LogPlanned(ILogger logger, IsoWeek week, int planned, int stored);
}
