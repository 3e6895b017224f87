using Ical.Net;
using ICalendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace KamFlows.App.Features.CalendarFeeds;

/// <summary>
/// Writes a feed as iCalendar (RFC 5545) with Ical.Net: one VEVENT per entry, times on the owner's
/// clock (<c>DTSTART;TZID=…</c> with the zone's VTIMEZONE in the file, as Outlook and Google Calendar
/// read it). A local time that happens twice (the hour the clocks go back) is written in UTC instead,
/// which RFC 5545 allows and which cannot be misread; a zone the tz database does not know, likewise.
/// </summary>
public static class CalendarFeedWriter
{
    public const string ProductId = "-//KamFlows//Calendar feed//EN";

    public static string Write(CalendarFeedOwner owner, CalendarWindow window, IEnumerable<CalendarEntry> entries)
    {
        var calendar = new ICalendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", owner.Text["feed.name"]);
        var zone = owner.Zone;
        var tzid = zone == TimeZoneInfo.Utc ? null : zone.Id;
        if (tzid is not null)
        {
            try
            {
                calendar.AddTimeZone(VTimeZone.FromDateTimeZone(tzid, window.From.UtcDateTime, includeHistoricalData: false));
                calendar.AddProperty("X-WR-TIMEZONE", tzid);
            }
            catch (ArgumentException)
            {
                tzid = null; // not in the tz database Ical.Net carries: UTC times are exact anyway
            }
        }

        var stamp = new CalDateTime(window.Now.UtcDateTime, true);
        foreach (var entry in entries.OrderBy(Start).ThenBy(e => e.Uid, StringComparer.Ordinal))
        {
            var e = new CalendarEvent { Uid = entry.Uid, Summary = entry.Summary, DtStamp = stamp, Description = entry.Description, Url = entry.Link };
            if (entry.Category is { } category)
            {
                e.Categories = [category];
            }

            switch (entry.When)
            {
                case CalendarTime.Timed timed:
                    e.DtStart = At(timed.Start, zone, tzid);
                    e.Duration = Duration.FromTimeSpanExact(timed.Duration);
                    break;
                case CalendarTime.AllDay day:
                    e.DtStart = new CalDateTime(day.Date);
                    e.DtEnd = new CalDateTime(day.Date.AddDays(1));
                    break;
            }

            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime At(DateTimeOffset instant, TimeZoneInfo zone, string? tzid)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (tzid is null || zone.IsAmbiguousTime(local))
        {
            return new CalDateTime(instant.UtcDateTime, true);
        }

        var wall = local.DateTime;
        return new CalDateTime(DateOnly.FromDateTime(wall), TimeOnly.FromDateTime(wall), tzid);
    }

    private static DateTimeOffset Start(CalendarEntry entry) => entry.When switch
    {
        CalendarTime.Timed t => t.Start,
        CalendarTime.AllDay d => new DateTimeOffset(d.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        _ => DateTimeOffset.MaxValue,
    };
}
