using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

public sealed class OptionalDayTests
{
    private static readonly DateOnly CarnivalMonday2026 = Date(2026, 2, 16);
    private static readonly DateOnly CarnivalTuesday2026 = Date(2026, 2, 17);
    private static readonly DateOnly AshWednesday2026 = Date(2026, 2, 18);

    [Fact]
    public void Optional_days_are_business_days_unless_the_company_closes_them()
    {
        var calendar = Of("BR");

        Assert.True(calendar.IsBusinessDay(CarnivalMonday2026));
        Assert.Equal(CarnivalMonday2026, calendar.NextBusinessDay(Date(2026, 2, 13)));
        Assert.DoesNotContain(calendar.NonBusinessDays(2026), day => day.Date == CarnivalMonday2026);
        Assert.Contains(calendar.OptionalDays(2026), day => day.Date == CarnivalMonday2026 && day.Policy == OptionalDayPolicy.Open);
    }

    [Fact]
    public void Carnival_closed_makes_a_long_weekend_from_Friday_to_Ash_Wednesday()
    {
        var settings = WithOptionalDays(Closed(OptionalDay.CarnivalMonday), Closed(OptionalDay.CarnivalTuesday));
        var calendar = Of("BR", "BR-SP", settings: settings);
        var easter = GaussEaster.Sunday(2026);
        Assert.Equal(easter.AddDays(-48), CarnivalMonday2026);
        Assert.Equal(easter.AddDays(-46), AshWednesday2026);

        Assert.Equal(AshWednesday2026, calendar.NextBusinessDay(Date(2026, 2, 13)));
        Assert.Contains(calendar.NonBusinessDays(2026), day => day.Date == CarnivalTuesday2026 && day.Policy == OptionalDayPolicy.Closed && day.NamePt == "Terça-feira de Carnaval");
    }

    [Fact]
    public void Ash_Wednesday_half_day_opening_at_noon_moves_a_nine_oclock_reminder_to_noon()
    {
        var settings = WithOptionalDays(
            Closed(OptionalDay.CarnivalMonday),
            Closed(OptionalDay.CarnivalTuesday),
            new OptionalDaySetting { Day = OptionalDay.AshWednesday, Policy = OptionalDayPolicy.HalfDay, OpensAt = new TimeOnly(12, 0) });
        var saoPaulo = Of("BR", "BR-SP", settings: settings).In(SaoPaulo);
        var fridayMorning = new DateTimeOffset(2026, 2, 13, 10, 0, 0, TimeSpan.FromHours(-3));

        var reminder = saoPaulo.NextBusinessDayAt(fridayMorning, new TimeOnly(9, 0));

        Assert.Equal(new DateTimeOffset(2026, 2, 18, 12, 0, 0, TimeSpan.FromHours(-3)), reminder);
        Assert.Equal(Utc(2026, 2, 18, 15), reminder);
        Assert.Equal(new BusinessHours(new TimeOnly(12, 0), new TimeOnly(18, 0)), saoPaulo.Calendar.HoursOn(AshWednesday2026));
    }

    [Fact]
    public void Christmas_Eve_closing_at_noon_keeps_the_morning_and_pushes_afternoon_times_to_the_next_business_day()
    {
        var settings = WithOptionalDays(new OptionalDaySetting { Day = OptionalDay.ChristmasEve, Policy = OptionalDayPolicy.HalfDay, ClosesAt = new TimeOnly(12, 0) });
        var lisbon = Of("PT", "PT-11", settings: settings).In(Lisbon);
        var wednesday = new DateTimeOffset(2026, 12, 23, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(DayOfWeek.Thursday, Date(2026, 12, 24).DayOfWeek);

        Assert.True(lisbon.Calendar.IsBusinessDay(Date(2026, 12, 24)));
        Assert.Equal(Utc(2026, 12, 24, 9), lisbon.NextBusinessDayAt(wednesday, new TimeOnly(9, 0)));
        Assert.Equal(Utc(2026, 12, 28, 14), lisbon.NextBusinessDayAt(wednesday, new TimeOnly(14, 0)));
        Assert.Equal(Utc(2026, 12, 24, 12), lisbon.EndOfBusinessDay(Date(2026, 12, 24)));
        Assert.Contains(lisbon.Calendar.NonBusinessDays(2026), day => day.Date == Date(2026, 12, 24) && day.Policy == OptionalDayPolicy.HalfDay && day.ClosesAt == new TimeOnly(12, 0));
    }

    [Fact]
    public void Half_days_count_as_business_days_in_day_arithmetic()
    {
        var settings = WithOptionalDays(new OptionalDaySetting { Day = OptionalDay.ChristmasEve, Policy = OptionalDayPolicy.HalfDay, ClosesAt = new TimeOnly(13, 0) });

        Assert.Equal(Date(2026, 12, 24), Of("BR", settings: settings).AddBusinessDays(Date(2026, 12, 23), 1));
    }

    [Fact]
    public void A_country_specific_policy_wins_over_the_general_one()
    {
        var settings = WithOptionalDays(Closed(OptionalDay.CarnivalTuesday), Open(OptionalDay.CarnivalTuesday, country: "PT"));

        Assert.False(Of("BR", settings: settings).IsBusinessDay(CarnivalTuesday2026));
        Assert.True(Of("PT", settings: settings).IsBusinessDay(CarnivalTuesday2026));
    }

    [Fact]
    public void A_policy_for_a_day_the_country_does_not_know_changes_nothing_there()
    {
        var settings = WithOptionalDays(Closed(OptionalDay.CarnivalMonday), Closed(OptionalDay.CorpusChristi));

        Assert.True(Of("PT", settings: settings).IsBusinessDay(CarnivalMonday2026));
        Assert.DoesNotContain(Of("PT", settings: settings).OptionalDays(2026), day => day.OptionalDay == OptionalDay.CarnivalMonday);
        Assert.False(Of("BR", settings: settings).IsBusinessDay(Date(2026, 6, 4)));
    }

    [Fact]
    public void New_Years_Eve_closed_moves_the_next_business_day_over_the_year_end()
    {
        Assert.Equal(Date(2026, 12, 31), Of("BR").NextBusinessDay(Date(2026, 12, 30)));
        Assert.Equal(Date(2027, 1, 4), Of("BR", settings: WithOptionalDays(Closed(OptionalDay.NewYearsEve))).NextBusinessDay(Date(2026, 12, 30)));
    }
}
