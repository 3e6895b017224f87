using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace KamFlows.Domain.Calendar;

/// <summary>
/// The business days of one calendar key under one company's settings: Monday to Friday, less
/// national, regional and municipal holidays, optional days the company closes, and closures.
/// Dates only; <see cref="In"/> adds a time zone for times of day.
/// </summary>
/// <remarks>Immutable and thread-safe; the App may cache one per key.</remarks>
public sealed class BusinessCalendar
{
    private readonly IReadOnlyList<HolidayDefinition> holidays;
    private readonly IReadOnlyList<(OptionalDayDefinition Definition, OptionalDaySetting Setting)> optionalDays;
    private readonly IReadOnlyList<CompanyClosure> closures;
    private readonly ConcurrentDictionary<int, CalendarYear> years = new();

    private BusinessCalendar(CalendarKey key, CompanyCalendarSettings settings)
    {
        Key = key;
        Settings = settings;
        var rules = HolidayRules.Of(key.Country);
        holidays = [.. rules.Holidays.Concat(settings.Holidays).Where(holiday => holiday.AppliesTo(key))];
        optionalDays = [.. rules.OptionalDays.Select(definition => (definition, SettingFor(definition.Day, key.Country, settings)))];
        closures = [.. settings.Closures.Where(closure => closure.AppliesTo(key))];
    }

    /// <summary>The normalised key (upper-case country, full ISO 3166-2 region).</summary>
    public CalendarKey Key { get; }

    public CompanyCalendarSettings Settings { get; }

    public BusinessHours WorkingHours => Settings.WorkingHours;

    /// <summary>The calendar of <paramref name="key"/> under <paramref name="settings"/>.</summary>
    /// <exception cref="UnsupportedCalendarException">Unknown country, or unknown region for the country.</exception>
    /// <exception cref="ArgumentException">The settings have <see cref="CompanyCalendarSettings.Problems"/>.</exception>
    public static BusinessCalendar For(CalendarKey key, CompanyCalendarSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!HolidayRules.TryNormalise(key, out var normalised, out var problem))
        {
            throw new UnsupportedCalendarException(problem);
        }

        var problems = settings.Problems();
        return problems.Count == 0
            ? new BusinessCalendar(normalised, settings)
            : throw new ArgumentException($"Invalid calendar settings: {string.Join(" ", problems)}", nameof(settings));
    }

    /// <summary>Like <see cref="For"/>, with the reason instead of an exception, for answering a 400.</summary>
    public static bool TryFor(
        CalendarKey key,
        CompanyCalendarSettings settings,
        [NotNullWhen(true)] out BusinessCalendar? calendar,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(settings);
        calendar = null;
        if (!HolidayRules.TryNormalise(key, out var normalised, out problem))
        {
            return false;
        }

        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            problem = $"Invalid calendar settings: {string.Join(" ", problems)}";
            return false;
        }

        calendar = new BusinessCalendar(normalised, settings);
        return true;
    }

    /// <summary>
    /// The days of <paramref name="year"/> that are closed or cut short, and why: holidays (also
    /// those falling on a weekend), optional days the company closes or makes half days, and
    /// closures. Weekends as such are not listed. Sorted by date.
    /// </summary>
    public IReadOnlyList<NonBusinessDay> NonBusinessDays(int year) =>
        [.. YearOf(year).Days.Where(day => day.Policy != OptionalDayPolicy.Open)];

    /// <summary>Every optional day of <paramref name="year"/> in this country with the company's policy, open ones included.</summary>
    public IReadOnlyList<NonBusinessDay> OptionalDays(int year) =>
        [.. YearOf(year).Days.Where(day => day.Reason == NonBusinessReason.OptionalDay)];

    /// <summary>The business hours of <paramref name="date"/>; null when it is not a business day.
    /// A half day is a business day with cut hours.</summary>
    public BusinessHours? HoursOn(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? null
            : YearOf(date.Year).HoursOn(date, WorkingHours);

    public bool IsBusinessDay(DateOnly date) => HoursOn(date) is not null;

    /// <summary>The first business day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextBusinessDay(DateOnly date) => AddBusinessDays(date, 1);

    /// <summary>The last business day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousBusinessDay(DateOnly date) => AddBusinessDays(date, -1);

    /// <summary>
    /// The <paramref name="businessDays"/>-th business day after <paramref name="date"/> (before it
    /// when negative); <paramref name="date"/> itself need not be a business day and is not counted.
    /// Zero business days later is <paramref name="date"/> itself.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly date, int businessDays)
    {
        var step = Math.Sign(businessDays);
        var remaining = Math.Abs(businessDays);
        var day = date;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsBusinessDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>
    /// The business days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative when <paramref name="to"/> is earlier. So for n ≥ 1,
    /// <c>BusinessDaysBetween(d, AddBusinessDays(d, n)) == n</c>.
    /// </summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -BusinessDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>This calendar seen from a time zone: the recipient's, for times of day.</summary>
    public ZonedBusinessCalendar In(TimeZoneInfo zone) => new(this, zone);

    private CalendarYear YearOf(int year) => years.GetOrAdd(year, Build);

    private CalendarYear Build(int year)
    {
        var holidayDays = holidays
            .Select(holiday => (holiday, date: holiday.DateIn(year)))
            .Where(found => found.date is not null)
            .Select(found => new NonBusinessDay(found.date!.Value, ReasonFor(found.holiday.Scope), found.holiday.NamePt, found.holiday.NameEn));

        var optional = optionalDays
            .Select(pair => (pair.Definition, pair.Setting, date: pair.Definition.Date.DateIn(year)))
            .Where(found => found.date is not null)
            .Select(found => OptionalDayOn(found.date!.Value, found.Definition, found.Setting));

        var firstDay = new DateOnly(year, 1, 1);
        var lastDay = new DateOnly(year, 12, 31);
        var closed = closures.SelectMany(closure => DaysBetween(Later(closure.From, firstDay), Earlier(closure.To, lastDay))
            .Select(date => new NonBusinessDay(date, NonBusinessReason.CompanyClosure, closure.NamePt, closure.NameEn)));

        return new CalendarYear(holidayDays.Concat(optional).Concat(closed), WorkingHours);
    }

    private NonBusinessDay OptionalDayOn(DateOnly date, OptionalDayDefinition definition, OptionalDaySetting setting)
    {
        var hours = setting.Policy == OptionalDayPolicy.HalfDay ? setting.CutHours(WorkingHours) : null;
        return new NonBusinessDay(
            date, NonBusinessReason.OptionalDay, definition.Date.NamePt, definition.Date.NameEn,
            definition.Day, setting.Policy, hours?.Opens, hours?.Closes);
    }

    private static OptionalDaySetting SettingFor(OptionalDay day, string country, CompanyCalendarSettings settings) =>
        settings.OptionalDays.FirstOrDefault(setting => setting.Day == day && string.Equals(setting.Country?.Trim(), country, StringComparison.OrdinalIgnoreCase))
        ?? settings.OptionalDays.FirstOrDefault(setting => setting.Day == day && setting.Country is null)
        ?? new OptionalDaySetting { Day = day, Policy = OptionalDayPolicy.Open };

    private static NonBusinessReason ReasonFor(HolidayScope scope) => scope switch
    {
        HolidayScope.National => NonBusinessReason.NationalHoliday,
        HolidayScope.Regional => NonBusinessReason.RegionalHoliday,
        _ => NonBusinessReason.MunicipalHoliday,
    };

    private static IEnumerable<DateOnly> DaysBetween(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
