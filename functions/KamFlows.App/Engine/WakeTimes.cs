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
        WakeTime.BusinessDaysLater b => CalendarOf(b.Party, parties).AddBusinessDaysAt(now, b.Days, b.LocalTime),
        WakeTime.BusinessDaysFrom f => On(CalendarOf(f.Party, parties), f),
        _ => throw new ArgumentOutOfRangeException(nameof(when), when, "Unknown wake time."),
    };

    private static DateTimeOffset On(ZonedBusinessCalendar zoned, WakeTime.BusinessDaysFrom from)
    {
        var calendar = zoned.Calendar;
        var date = from.Days != 0 ? calendar.AddBusinessDays(from.Date, from.Days)
            : calendar.IsBusinessDay(from.Date) ? from.Date
            : calendar.PreviousBusinessDay(from.Date);
        return zoned.At(date, from.LocalTime);
    }

    private ZonedBusinessCalendar CalendarOf(string party, IReadOnlyDictionary<string, PartyCalendar> parties) =>
        parties.TryGetValue(party, out var p)
            ? calendars.For(new CalendarKey(p.Country, p.Region, p.Municipality), p.TimeZone)
            : throw new InvalidOperationException($"The process has no calendar for party '{party}'.");
}
