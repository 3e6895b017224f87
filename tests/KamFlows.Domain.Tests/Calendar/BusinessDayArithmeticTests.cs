using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

public sealed class BusinessDayArithmeticTests
{
    [Theory]
    [InlineData("BR")]
    [InlineData("PT")]
    public void One_business_day_after_31_December_2026_is_Monday_4_January_2027(string country)
    {
        Assert.Equal(DayOfWeek.Thursday, Date(2026, 12, 31).DayOfWeek);
        Assert.Equal(DayOfWeek.Friday, Date(2027, 1, 1).DayOfWeek);

        Assert.Equal(Date(2027, 1, 4), Of(country).AddBusinessDays(Date(2026, 12, 31), 1));
        Assert.Equal(Date(2026, 12, 31), Of(country).AddBusinessDays(Date(2027, 1, 4), -1));
        Assert.Equal(1, Of(country).BusinessDaysBetween(Date(2026, 12, 31), Date(2027, 1, 4)));
    }

    [Theory]
    [InlineData("BR")]
    [InlineData("PT")]
    public void The_Easter_weekend_runs_from_Good_Friday_to_Monday(string country)
    {
        Assert.Equal(Date(2026, 4, 6), Of(country).NextBusinessDay(Date(2026, 4, 2)));
        Assert.Equal(Date(2026, 4, 2), Of(country).PreviousBusinessDay(Date(2026, 4, 6)));
    }

    [Fact]
    public void Black_Consciousness_Day_on_Friday_20_November_2026_makes_a_long_weekend_in_Brazil()
    {
        Assert.Equal(DayOfWeek.Friday, Date(2026, 11, 20).DayOfWeek);

        Assert.Equal(Date(2026, 11, 23), Of("BR").NextBusinessDay(Date(2026, 11, 19)));
        Assert.Equal(Date(2026, 11, 20), Of("PT").NextBusinessDay(Date(2026, 11, 19)));
    }

    [Fact]
    public void Tiradentes_on_a_Tuesday_is_skipped()
    {
        Assert.Equal(DayOfWeek.Tuesday, Date(2026, 4, 21).DayOfWeek);

        Assert.Equal(Date(2026, 4, 22), Of("BR").NextBusinessDay(Date(2026, 4, 20)));
    }

    [Fact]
    public void Five_business_days_in_a_plain_week_are_a_calendar_week()
    {
        Assert.Equal(Date(2026, 3, 16), Of("PT").AddBusinessDays(Date(2026, 3, 9), 5));
        Assert.Equal(Date(2026, 3, 9), Of("PT").AddBusinessDays(Date(2026, 3, 16), -5));
        Assert.Equal(5, Of("PT").BusinessDaysBetween(Date(2026, 3, 9), Date(2026, 3, 16)));
        Assert.Equal(-5, Of("PT").BusinessDaysBetween(Date(2026, 3, 16), Date(2026, 3, 9)));
    }

    [Fact]
    public void Counting_from_a_weekend_counts_the_following_Monday_as_the_first_business_day()
    {
        var saturday = Date(2026, 3, 14);

        Assert.Equal(Date(2026, 3, 16), Of("PT").AddBusinessDays(saturday, 1));
        Assert.Equal(saturday, Of("PT").AddBusinessDays(saturday, 0));
        Assert.Null(Of("PT").HoursOn(saturday));
    }

    [Fact]
    public void Business_days_of_2026_in_Portugal_are_the_weekdays_less_the_national_holidays_on_weekdays()
    {
        var weekdays = Enumerable.Range(0, 365).Select(i => Date(2026, 1, 1).AddDays(i)).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var holidaysOnWeekdays = OfficialHolidays.Portugal(2026).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        Assert.Equal(weekdays - holidaysOnWeekdays, Of("PT").BusinessDaysBetween(Date(2025, 12, 31), Date(2026, 12, 31)));
    }

    [Fact]
    public void Deadline_is_the_end_of_the_nth_business_day_local()
    {
        var saoPaulo = Of("BR", "BR-SP").In(SaoPaulo);
        var thursdayEvening = new DateTimeOffset(2026, 11, 19, 20, 0, 0, TimeSpan.FromHours(-3));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.FromHours(-3)), saoPaulo.DeadlineAfter(thursdayEvening, 2));
    }

    [Fact]
    public void The_end_of_a_holiday_does_not_exist() =>
        Assert.Throws<ArgumentException>(() => Of("BR").In(SaoPaulo).EndOfBusinessDay(Date(2026, 12, 25)));

    [Fact]
    public void A_reminder_time_outside_working_hours_is_refused()
    {
        var lisbon = Of("PT").In(Lisbon);

        Assert.Throws<ArgumentOutOfRangeException>(() => lisbon.NextBusinessDayAt(Utc(2026, 3, 2, 10), new TimeOnly(20, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => lisbon.AddBusinessDaysAt(Utc(2026, 3, 2, 10), 0, new TimeOnly(9, 0)));
    }

    [Fact]
    public void Business_time_is_within_hours_on_a_business_day()
    {
        var lisbon = Of("PT").In(Lisbon);

        Assert.True(lisbon.IsBusinessTime(Utc(2026, 3, 2, 9)));
        Assert.False(lisbon.IsBusinessTime(Utc(2026, 3, 2, 18)));
        Assert.False(lisbon.IsBusinessTime(Utc(2026, 4, 3, 10)));
        Assert.True(lisbon.IsBusinessTime(Utc(2026, 7, 1, 8)));
        Assert.False(lisbon.IsBusinessTime(Utc(2026, 7, 1, 7, 59)));
    }
}
