using System.Globalization;

namespace KamFlows.Domain.Visits;

/// <summary>An ISO 8601 week ("2026-W37"): Monday to Sunday, the weeks of a year counted from the one holding its first Thursday.</summary>
public readonly record struct IsoWeek(int Year, int Week)
{
    public static IsoWeek Of(DateOnly date) =>
        new(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public IReadOnlyList<DateOnly> Days => [.. Enumerable.Range(0, 7).Select(Monday.AddDays)];

    /// <summary>Weeks since the first ISO week of year 1: consecutive weeks have consecutive numbers, across years.</summary>
    public int Number => Monday.DayNumber / 7;

    public IsoWeek Next => Of(Monday.AddDays(7));

    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 2000 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
