namespace KamFlows.Domain.Calendar;

/// <summary>One year of one calendar worked out once: every special day and what it does to business hours.</summary>
internal sealed class CalendarYear
{
    private readonly HashSet<DateOnly> closed = [];
    private readonly Dictionary<DateOnly, BusinessHours> cutHours = [];

    public CalendarYear(IEnumerable<NonBusinessDay> days, BusinessHours working)
    {
        Days = [.. days.OrderBy(day => day.Date).ThenBy(day => day.Reason)];
        foreach (var day in Days)
        {
            switch (day.Policy)
            {
                case null or OptionalDayPolicy.Closed:
                    closed.Add(day.Date);
                    break;
                case OptionalDayPolicy.HalfDay:
                    var before = cutHours.GetValueOrDefault(day.Date, working);
                    cutHours[day.Date] = new BusinessHours(
                        Later(before.Opens, day.OpensAt ?? before.Opens),
                        Earlier(before.Closes, day.ClosesAt ?? before.Closes));
                    break;
                default:
                    break;
            }
        }

        // Two half days that together leave no hours make a closed day.
        foreach (var (date, hours) in cutHours)
        {
            if (hours.Opens >= hours.Closes)
            {
                closed.Add(date);
            }
        }
    }

    /// <summary>Holidays, closures and optional days (whatever their policy), by date.</summary>
    public IReadOnlyList<NonBusinessDay> Days { get; }

    /// <summary>The business hours of a weekday of this year; null when closed.</summary>
    public BusinessHours? HoursOn(DateOnly date, BusinessHours working) =>
        closed.Contains(date) ? null : cutHours.GetValueOrDefault(date, working);

    private static TimeOnly Later(TimeOnly a, TimeOnly b) => a > b ? a : b;

    private static TimeOnly Earlier(TimeOnly a, TimeOnly b) => a < b ? a : b;
}
