using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

/// <summary>Lisbon moves to summer time (+01:00) on 29 March 2026 at 01:00 UTC and back on 25 October 2026 at 01:00 UTC.</summary>
public sealed class DaylightSavingTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly ZonedBusinessCalendar PortugalInLisbon = Of("PT", "PT-11").In(Lisbon);

    [Fact]
    public void A_nine_oclock_reminder_stays_at_nine_local_across_the_spring_change()
    {
        var fridayMorning = new DateTimeOffset(2026, 3, 27, 10, 0, 0, TimeSpan.Zero);

        var reminder = PortugalInLisbon.NextBusinessDayAt(fridayMorning, Nine);

        Assert.Equal(Utc(2026, 3, 30, 8), reminder);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(1)), reminder);
        Assert.Equal(TimeSpan.FromHours(1), reminder.Offset);
    }

    [Fact]
    public void A_nine_oclock_reminder_stays_at_nine_local_across_the_autumn_change()
    {
        var fridayMorning = new DateTimeOffset(2026, 10, 23, 10, 0, 0, TimeSpan.FromHours(1));

        var reminder = PortugalInLisbon.NextBusinessDayAt(fridayMorning, Nine);

        Assert.Equal(Utc(2026, 10, 26, 9), reminder);
        Assert.Equal(TimeSpan.Zero, reminder.Offset);
    }

    [Fact]
    public void Three_business_days_before_and_after_the_spring_change_are_nine_local_each_day()
    {
        var thursday = new DateTimeOffset(2026, 3, 26, 15, 0, 0, TimeSpan.Zero);

        Assert.Equal(Utc(2026, 3, 27, 9), PortugalInLisbon.AddBusinessDaysAt(thursday, 1, Nine));
        Assert.Equal(Utc(2026, 3, 30, 8), PortugalInLisbon.AddBusinessDaysAt(thursday, 2, Nine));
        Assert.Equal(Utc(2026, 3, 31, 8), PortugalInLisbon.AddBusinessDaysAt(thursday, 3, Nine));
    }

    [Fact]
    public void A_time_in_the_spring_gap_is_shifted_forward_by_the_gap()
    {
        var missing = new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Unspecified);
        Assert.True(Lisbon.IsInvalidTime(missing));

        var instant = PortugalInLisbon.At(Date(2026, 3, 29), new TimeOnly(1, 30));

        Assert.Equal(Utc(2026, 3, 29, 1, 30), instant);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 30, 0, TimeSpan.FromHours(1)), instant);
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
    }

    [Fact]
    public void A_time_in_the_autumn_overlap_is_its_first_occurrence()
    {
        var twice = new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Unspecified);
        Assert.True(Lisbon.IsAmbiguousTime(twice));

        var instant = PortugalInLisbon.At(Date(2026, 10, 25), new TimeOnly(1, 30));

        Assert.Equal(Utc(2026, 10, 25, 0, 30), instant);
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
        Assert.Equal(new DateTime(2026, 10, 25, 1, 30, 0), TimeZoneInfo.ConvertTime(Utc(2026, 10, 25, 1, 30), Lisbon).DateTime);
    }

    [Fact]
    public void Times_just_outside_the_gap_and_overlap_are_unchanged()
    {
        Assert.Equal(Utc(2026, 3, 29, 0, 59), PortugalInLisbon.At(Date(2026, 3, 29), new TimeOnly(0, 59)));
        Assert.Equal(Utc(2026, 3, 29, 1, 0), PortugalInLisbon.At(Date(2026, 3, 29), new TimeOnly(2, 0)));
        Assert.Equal(Utc(2026, 10, 24, 23, 59), PortugalInLisbon.At(Date(2026, 10, 25), new TimeOnly(0, 59)));
        Assert.Equal(Utc(2026, 10, 25, 2, 0), PortugalInLisbon.At(Date(2026, 10, 25), new TimeOnly(2, 0)));
    }

    [Fact]
    public void The_local_date_of_an_instant_follows_the_summer_offset()
    {
        Assert.Equal(Date(2026, 7, 1), PortugalInLisbon.DateOf(Utc(2026, 6, 30, 23, 30)));
        Assert.Equal(Date(2026, 12, 31), PortugalInLisbon.DateOf(Utc(2026, 12, 31, 23, 30)));
    }
}
