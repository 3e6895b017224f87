using System.Collections.Concurrent;
using KamFlows.Domain.Calendar;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Calendar;

/// <summary>
/// The business calendars of the company: one per country, region and municipality, built once from
/// the configured company settings (section <c>Calendar</c>) and kept. Whose calendar a step uses
/// (recipient, customer, KAM) is the step's choice; this only answers for a place.
/// </summary>
public sealed class BusinessCalendars(IOptions<CompanyCalendarSettings> settings)
{
    private readonly ConcurrentDictionary<CalendarKey, BusinessCalendar> _calendars = new();

    public CompanyCalendarSettings Settings => settings.Value;

    /// <summary>The calendar of a place, or the reason there is none (unknown country or region).</summary>
    public bool TryGet(CalendarKey key, out BusinessCalendar? calendar, out string? problem)
    {
        if (!HolidayRules.TryNormalise(key, out var normalised, out problem))
        {
            calendar = null;
            return false;
        }

        calendar = _calendars.GetOrAdd(normalised, k => BusinessCalendar.For(k, settings.Value));
        return true;
    }

    /// <summary>The calendar of a place known to be valid (a stored user or account), in its time zone.</summary>
    public ZonedBusinessCalendar For(CalendarKey key, string timeZone) =>
        TryGet(key, out var calendar, out var problem)
            ? calendar!.In(TimeZoneInfo.FindSystemTimeZoneById(timeZone))
            : throw new UnsupportedCalendarException(problem!);
}

/// <summary>The company settings are checked at start; a wrong one stops the app naming it.</summary>
internal sealed class CompanyCalendarSettingsValidator : IValidateOptions<CompanyCalendarSettings>
{
    public ValidateOptionsResult Validate(string? name, CompanyCalendarSettings options)
    {
        var problems = options.Problems();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => "Calendar: " + p));
    }
}
