using KamFlows.App.Features.Calendar;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

/// <summary>Turns a decider's wake time into an instant, business times by the party's own calendar and time zone.</summary>
public sealed class WakeTimes(BusinessCalendars calendars)
{
    public DateTimeOffset Resolve(WakeTime when, DateTimeOffset now, IReadOnlyDictionary<string, PartyCalendar> parties) => when switch
    {
        WakeTime.At at => at.Instant,
        WakeTime.After after => now + after.Delay,
        WakeTime.BusinessDaysLater b => parties.TryGetValue(b.Party, out var p)
            ? calendars.For(new CalendarKey(p.Country, p.Region, p.Municipality), p.TimeZone).AddBusinessDaysAt(now, b.Days, b.LocalTime)
            : throw new InvalidOperationException($"The process has no calendar for party '{b.Party}'."),
        _ => throw new ArgumentOutOfRangeException(nameof(when), when, "Unknown wake time."),
    };
}
