using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

public sealed class CompanySettingsTests
{
    private static readonly CompanyCalendarSettings Municipal = new()
    {
        Holidays =
        [
            HolidayDefinition.Fixed("PT", 6, 13, "Santo António", "Saint Anthony") with { Municipality = "Lisboa" },
            HolidayDefinition.Fixed("PT", 6, 24, "São João", "Saint John") with { Municipality = "Porto" },
            HolidayDefinition.Fixed("BR", 1, 25, "Aniversário da Cidade de São Paulo", "São Paulo City Anniversary") with { Region = "BR-SP", Municipality = "São Paulo" },
            HolidayDefinition.Fixed("BR", 1, 20, "São Sebastião", "Saint Sebastian") with { Region = "BR-RJ", Municipality = "Rio de Janeiro" },
        ],
    };

    private static readonly CompanyCalendarSettings CollectiveHolidays = new()
    {
        Closures = [new CompanyClosure { From = Date(2026, 12, 28), To = Date(2027, 1, 1), NamePt = "Férias coletivas", NameEn = "Collective holidays" }],
    };

    [Fact]
    public void Lisbon_closes_on_Santo_Antonio_and_Porto_does_not()
    {
        var friday = Date(2025, 6, 13);
        Assert.Equal(DayOfWeek.Friday, friday.DayOfWeek);

        Assert.False(Of("PT", "PT-11", "Lisboa", Municipal).IsBusinessDay(friday));
        Assert.True(Of("PT", "PT-13", "Porto", Municipal).IsBusinessDay(friday));
        Assert.Contains(Of("PT", "PT-11", "Lisboa", Municipal).NonBusinessDays(2025), day => day.Date == friday && day.Reason == NonBusinessReason.MunicipalHoliday && day.NamePt == "Santo António");
    }

    [Fact]
    public void Porto_closes_on_Sao_Joao_whatever_the_case_of_its_name()
    {
        var wednesday = Date(2026, 6, 24);
        Assert.Equal(DayOfWeek.Wednesday, wednesday.DayOfWeek);

        Assert.False(Of("PT", "PT-13", "porto", Municipal).IsBusinessDay(wednesday));
        Assert.True(Of("PT", "PT-13", settings: Municipal).IsBusinessDay(wednesday));
    }

    [Fact]
    public void Sao_Paulo_city_anniversary_matches_the_city_written_without_accent()
    {
        var monday = Date(2027, 1, 25);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);

        Assert.False(Of("BR", "BR-SP", "Sao Paulo", Municipal).IsBusinessDay(monday));
        Assert.True(Of("BR", "BR-SP", "Campinas", Municipal).IsBusinessDay(monday));
    }

    [Fact]
    public void A_municipal_holiday_scoped_to_a_state_does_not_apply_to_a_namesake_elsewhere()
    {
        var tuesday = Date(2026, 1, 20);
        Assert.Equal(DayOfWeek.Tuesday, tuesday.DayOfWeek);

        Assert.False(Of("BR", "BR-RJ", "Rio de Janeiro", Municipal).IsBusinessDay(tuesday));
        Assert.True(Of("BR", "BR-SP", "Rio de Janeiro", Municipal).IsBusinessDay(tuesday));
        Assert.True(Of("BR", null, "Rio de Janeiro", Municipal).IsBusinessDay(tuesday));
    }

    [Fact]
    public void Collective_holidays_close_the_days_between_Christmas_and_New_Year()
    {
        var brazil = Of("BR", settings: CollectiveHolidays);

        Assert.Equal(Date(2027, 1, 4), brazil.AddBusinessDays(Date(2026, 12, 24), 1));
        Assert.Equal(1, brazil.BusinessDaysBetween(Date(2026, 12, 24), Date(2027, 1, 4)));
        Assert.Equal(5, Of("BR").BusinessDaysBetween(Date(2026, 12, 24), Date(2027, 1, 4)));
        Assert.Equal([Date(2026, 12, 28), Date(2026, 12, 29), Date(2026, 12, 30), Date(2026, 12, 31)], brazil.NonBusinessDays(2026).DatesOf(NonBusinessReason.CompanyClosure).Order());
        Assert.Equal(
            [NonBusinessReason.NationalHoliday, NonBusinessReason.CompanyClosure],
            brazil.NonBusinessDays(2027).Where(day => day.Date == Date(2027, 1, 1)).Select(day => day.Reason));
    }

    [Fact]
    public void A_closure_scoped_to_one_country_leaves_the_other_open()
    {
        var settings = new CompanyCalendarSettings
        {
            Closures = [new CompanyClosure { From = Date(2026, 8, 10), To = Date(2026, 8, 14), NamePt = "Férias", NameEn = "Summer closure", Country = "PT" }],
        };

        Assert.False(Of("PT", settings: settings).IsBusinessDay(Date(2026, 8, 12)));
        Assert.True(Of("BR", settings: settings).IsBusinessDay(Date(2026, 8, 12)));
    }

    [Fact]
    public void Working_hours_default_to_nine_to_six() =>
        Assert.Equal(new BusinessHours(new TimeOnly(9, 0), new TimeOnly(18, 0)), Of("PT").HoursOn(Date(2026, 3, 2)));

    [Fact]
    public void Configured_working_hours_set_the_end_of_the_business_day()
    {
        var settings = new CompanyCalendarSettings { WorkingHours = new BusinessHours(new TimeOnly(8, 30), new TimeOnly(17, 30)) };

        Assert.Equal(Utc(2026, 3, 2, 20, 30), Of("BR", settings: settings).In(SaoPaulo).EndOfBusinessDay(Date(2026, 3, 2)));
    }

    public static TheoryData<string, CompanyCalendarSettings> InvalidSettings => new()
    {
        { "HalfDay needs", new CompanyCalendarSettings { OptionalDays = [new OptionalDaySetting { Day = OptionalDay.ChristmasEve, Policy = OptionalDayPolicy.HalfDay }] } },
        { "apply only to the HalfDay", new CompanyCalendarSettings { OptionalDays = [new OptionalDaySetting { Day = OptionalDay.ChristmasEve, Policy = OptionalDayPolicy.Closed, ClosesAt = new TimeOnly(12, 0) }] } },
        { "more than once", WithOptionalDays(Closed(OptionalDay.ChristmasEve), Open(OptionalDay.ChristmasEve)) },
        { "no business hours", WithOptionalDays(new OptionalDaySetting { Day = OptionalDay.AshWednesday, Policy = OptionalDayPolicy.HalfDay, OpensAt = new TimeOnly(19, 0) }) },
        { "not both", new CompanyCalendarSettings { Holidays = [HolidayDefinition.Fixed("BR", 1, 25, "X", "X") with { EasterOffset = 3 }] } },
        { "no valid Month and Day", new CompanyCalendarSettings { Holidays = [HolidayDefinition.Fixed("BR", 2, 30, "X", "X")] } },
        { "unknown region", new CompanyCalendarSettings { Holidays = [HolidayDefinition.Fixed("BR", 1, 25, "X", "X") with { Region = "BR-ZZ" }] } },
        { "unsupported country", new CompanyCalendarSettings { Holidays = [HolidayDefinition.Fixed("ES", 1, 25, "X", "X")] } },
        { "NamePt and NameEn", new CompanyCalendarSettings { Holidays = [HolidayDefinition.Fixed("PT", 1, 25, "X", "")] } },
        { "ends before it starts", new CompanyCalendarSettings { Closures = [new CompanyClosure { From = Date(2026, 12, 31), To = Date(2026, 12, 28), NamePt = "X", NameEn = "X" }] } },
        { "open before they close", new CompanyCalendarSettings { WorkingHours = new BusinessHours(new TimeOnly(18, 0), new TimeOnly(9, 0)) } },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_are_refused_with_the_reason(string reason, CompanyCalendarSettings settings)
    {
        Assert.Contains(settings.Problems(), problem => problem.Contains(reason, StringComparison.Ordinal));
        var refused = Assert.Throws<ArgumentException>(() => Of("BR", settings: settings));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.False(BusinessCalendar.TryFor(new CalendarKey("BR"), settings, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_settings_have_no_problems() =>
        Assert.Empty(CompanyCalendarSettings.Default.Problems());
}
