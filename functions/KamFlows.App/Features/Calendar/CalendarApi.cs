using System.Globalization;
using KamFlows.App.Http;
using KamFlows.Domain.Calendar;

namespace KamFlows.App.Features.Calendar;

/// <summary>The business calendar for people and for tests: which days are closed and why, and when "next business day at 09:00" is.</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("api/calendar").WithTags("Calendar");
        calendar.MapGet("next-business-day", NextBusinessDay).WithName("NextBusinessDay")
            .WithSummary("The next business day after 'from', at 'at' (default 09:00) local time in 'zone', by the calendar of country/region/municipality.");
        calendar.MapGet("{country}/{year:int}", NonBusinessDays).WithName("NonBusinessDays")
            .WithSummary("The holidays, closures and optional days of a year (weekends are not listed), with their names and the company's policy.");
        return app;
    }

    public sealed record YearAnswer(CalendarKey Calendar, int Year, BusinessHours WorkingHours, IReadOnlyList<NonBusinessDay> NonBusinessDays);

    public sealed record NextBusinessDayAnswer(CalendarKey Calendar, string Zone, DateTimeOffset From, DateOnly Date, DateTimeOffset At, DateTimeOffset AtUtc);

    private static Results<Ok<YearAnswer>, ValidationProblem> NonBusinessDays(
        string country, int year, string? region, string? municipality, BusinessCalendars calendars)
    {
        if (year is < 1900 or > 2200)
        {
            return Problem("year", "The year must be between 1900 and 2200.");
        }

        if (!calendars.TryGet(new CalendarKey(country, region, municipality), out var calendar, out var problem))
        {
            return Problem(string.IsNullOrWhiteSpace(region) || !HolidayRules.IsSupported(country) ? "country" : "region", problem!);
        }

        return TypedResults.Ok(new YearAnswer(calendar!.Key, year, calendar.WorkingHours, calendar.NonBusinessDays(year)));
    }

    private static Results<Ok<NextBusinessDayAnswer>, ValidationProblem> NextBusinessDay(
        DateTimeOffset? from, string? zone, string? country, string? region, string? municipality, string? at, BusinessCalendars calendars)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is null) errors["from"] = ["Give the instant to count from, e.g. 2026-03-27T17:00:00Z."];
        if (zone is null || !PlaceRules.IsIanaTimeZone(zone)) errors["zone"] = ["Give an IANA time zone, e.g. Europe/Lisbon."];
        var time = new TimeOnly(9, 0);
        if (at is not null && !TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            errors["at"] = ["Give the local time as HH:mm, e.g. 09:00."];
        }

        BusinessCalendar? calendar = null;
        if (country is null)
        {
            errors["country"] = ["Give the country, e.g. BR or PT."];
        }
        else if (!calendars.TryGet(new CalendarKey(country, region, municipality), out calendar, out var problem))
        {
            errors[HolidayRules.IsSupported(country) ? "region" : "country"] = [problem!];
        }

        if (errors.Count == 0 && !calendar!.WorkingHours.Contains(time))
        {
            errors["at"] = [$"{time:HH\\:mm} is outside the working hours {calendar.WorkingHours.Opens:HH\\:mm}–{calendar.WorkingHours.Closes:HH\\:mm}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var zoned = calendar!.In(TimeZoneInfo.FindSystemTimeZoneById(zone!));
        var next = zoned.NextBusinessDayAt(from!.Value, time);
        return TypedResults.Ok(new NextBusinessDayAnswer(calendar.Key, zone!, from.Value, zoned.DateOf(next), next, next.ToUniversalTime()));
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
