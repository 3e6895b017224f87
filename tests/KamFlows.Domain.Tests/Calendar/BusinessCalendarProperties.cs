using FsCheck;
using FsCheck.Xunit;
using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
public sealed class BusinessCalendarProperties
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Property]
    public bool Adding_n_business_days_then_counting_the_business_days_between_gives_n(NamedCalendar named, DateOnly start, BusinessDayCount n) =>
        named.Calendar.BusinessDaysBetween(start, named.Calendar.AddBusinessDays(start, n.Value)) == n.Value;

    [Property]
    public bool Adding_or_subtracting_business_days_lands_on_a_business_day(NamedCalendar named, DateOnly start, BusinessDayCount n, bool backwards) =>
        named.Calendar.IsBusinessDay(named.Calendar.AddBusinessDays(start, backwards ? -n.Value : n.Value));

    [Property]
    public bool Going_forward_then_back_by_the_same_count_returns_to_a_business_day(NamedCalendar named, DateOnly start, BusinessDayCount n)
    {
        var calendar = named.Calendar;
        var businessDay = calendar.IsBusinessDay(start) ? start : calendar.NextBusinessDay(start);

        return calendar.AddBusinessDays(calendar.AddBusinessDays(businessDay, n.Value), -n.Value) == businessDay;
    }

    [Property]
    public bool Next_business_day_is_strictly_later_a_business_day_and_skips_only_non_business_days(NamedCalendar named, DateOnly date)
    {
        var calendar = named.Calendar;
        var next = calendar.NextBusinessDay(date);
        var skipped = Enumerable.Range(1, next.DayNumber - date.DayNumber - 1).Select(date.AddDays);

        return next > date && calendar.IsBusinessDay(next) && !skipped.Any(calendar.IsBusinessDay);
    }

    [Property]
    public bool Counting_business_days_is_additive_and_antisymmetric(NamedCalendar named, DateOnly a, DateOnly b, DateOnly c)
    {
        var calendar = named.Calendar;

        return calendar.BusinessDaysBetween(a, b) + calendar.BusinessDaysBetween(b, c) == calendar.BusinessDaysBetween(a, c)
            && calendar.BusinessDaysBetween(a, b) == -calendar.BusinessDaysBetween(b, a);
    }

    [Property(MaxTest = 40)]
    public bool Listed_closing_days_are_exactly_the_weekdays_that_are_not_business_days(NamedCalendar named, DateOnly anyDayOfTheYear)
    {
        var calendar = named.Calendar;
        var year = anyDayOfTheYear.Year;
        var listedClosed = calendar.NonBusinessDays(year).Where(day => day.ClosesWholeDay).Select(day => day.Date).ToHashSet();
        var weekdays = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(new DateOnly(year, 1, 1).AddDays)
            .Where(day => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        return weekdays.All(day => calendar.IsBusinessDay(day) != listedClosed.Contains(day));
    }

    [Property]
    public bool Next_business_day_at_nine_in_Lisbon_is_later_on_a_business_day_at_nine_or_the_opening(NamedCalendar named, DateTimeOffset from)
    {
        var lisbon = named.Calendar.In(Lisbon);

        var reminder = lisbon.NextBusinessDayAt(from, Nine);

        var local = TimeZoneInfo.ConvertTime(reminder, Lisbon);
        var localDate = DateOnly.FromDateTime(local.DateTime);
        var hours = named.Calendar.HoursOn(localDate);
        return reminder > from
            && localDate > lisbon.DateOf(from)
            && hours is not null
            && TimeOnly.FromDateTime(local.DateTime) == (Nine > hours.Opens ? Nine : hours.Opens)
            && reminder.Offset == Lisbon.GetUtcOffset(reminder);
    }

    [Property]
    public bool Wall_clock_time_of_an_instant_converts_back_to_it_or_to_its_first_occurrence(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Lisbon).DateTime;

        var back = WallClock.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), Lisbon);

        return back == instant || (Lisbon.IsAmbiguousTime(local) && back == instant.AddHours(-1));
    }

    [Property]
    public bool Every_wall_clock_time_maps_to_an_instant_showing_that_time_or_one_gap_later(WallTimeNearClockChange wall)
    {
        var instant = WallClock.ToInstant(wall.Date, wall.Time, Lisbon);

        var shown = TimeZoneInfo.ConvertTime(instant, Lisbon).DateTime;
        var wanted = wall.Date.ToDateTime(wall.Time);
        var firstOccurrence = !Lisbon.IsAmbiguousTime(wanted) || instant.Offset == TimeSpan.FromHours(1);
        return (shown == wanted && firstOccurrence) || (Lisbon.IsInvalidTime(wanted) && shown == wanted.AddHours(1));
    }
}
