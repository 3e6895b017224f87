namespace KamFlows.Domain.Calendar;

/// <summary>
/// What a company decides about its calendar beyond the law: working hours, what it does on
/// optional days, extra regional and municipal holidays, and closures. Init-only properties with
/// defaults so the App can bind it from configuration; everything is optional.
/// </summary>
public sealed record CompanyCalendarSettings
{
    public static CompanyCalendarSettings Default { get; } = new();

    /// <summary>Local working hours of a normal business day; 09:00–18:00 unless configured.</summary>
    public BusinessHours WorkingHours { get; init; } = BusinessHours.Default;

    /// <summary>Policies for optional days; a day without a setting is <see cref="OptionalDayPolicy.Open"/>.</summary>
    public IReadOnlyList<OptionalDaySetting> OptionalDays { get; init; } = [];

    /// <summary>Regional and municipal holidays the built-in rules do not know.</summary>
    public IReadOnlyList<HolidayDefinition> Holidays { get; init; } = [];

    public IReadOnlyList<CompanyClosure> Closures { get; init; } = [];

    /// <summary>Everything wrong with these settings, one sentence each; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (WorkingHours is null || WorkingHours.Opens >= WorkingHours.Closes)
        {
            problems.Add("WorkingHours must open before they close.");
            return problems;
        }

        problems.AddRange((OptionalDays ?? []).SelectMany(setting => setting.Problems(WorkingHours)));
        problems.AddRange((OptionalDays ?? [])
            .GroupBy(setting => (setting.Day, Country: setting.Country?.ToUpperInvariant()))
            .Where(group => group.Count() > 1)
            .Select(group => $"Optional day {group.Key.Day}{(group.Key.Country is null ? "" : $" in {group.Key.Country}")} is set more than once."));
        problems.AddRange((Holidays ?? []).SelectMany(holiday => holiday.Problems()));
        problems.AddRange((Closures ?? []).SelectMany(closure => closure.Problems()));
        return problems;
    }
}
