using KamFlows.Domain.Calendar;

namespace KamFlows.Domain.Tests.Calendar;

/// <summary>Short ways to build the calendars and zones the tests talk about.</summary>
internal static class Calendars
{
    public static TimeZoneInfo Lisbon { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
    public static TimeZoneInfo SaoPaulo { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    public static TimeZoneInfo Manaus { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Manaus");
    public static TimeZoneInfo Noronha { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Noronha");
    public static TimeZoneInfo RioBranco { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Rio_Branco");

    public static BusinessCalendar Of(string country, string? region = null, string? municipality = null, CompanyCalendarSettings? settings = null) =>
        BusinessCalendar.For(new CalendarKey(country, region, municipality), settings ?? CompanyCalendarSettings.Default);

    public static CompanyCalendarSettings WithOptionalDays(params OptionalDaySetting[] settings) =>
        new() { OptionalDays = settings };

    public static OptionalDaySetting Closed(OptionalDay day, string? country = null) =>
        new() { Day = day, Policy = OptionalDayPolicy.Closed, Country = country };

    public static OptionalDaySetting Open(OptionalDay day, string? country = null) =>
        new() { Day = day, Policy = OptionalDayPolicy.Open, Country = country };

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static ISet<DateOnly> DatesOf(this IEnumerable<NonBusinessDay> days, NonBusinessReason reason) =>
        days.Where(day => day.Reason == reason).Select(day => day.Date).ToHashSet();
}
