using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

public sealed class RegionalHolidayTests
{
    public static TheoryData<string, string, int, int, string> StateHolidays2026 => new()
    {
        { "BR", "BR-SP", 7, 9, "Revolução Constitucionalista de 1932" },
        { "BR", "BR-RJ", 4, 23, "Dia de São Jorge" },
        { "BR", "BR-BA", 7, 2, "Independência da Bahia" },
        { "BR", "BR-RS", 9, 20, "Revolução Farroupilha" },
        { "BR", "BR-AM", 9, 5, "Elevação do Amazonas à categoria de Província" },
        { "PT", "PT-30", 7, 1, "Dia da Região Autónoma da Madeira e das Comunidades Madeirenses" },
        { "PT", "PT-30", 12, 26, "Primeira Oitava" },
    };

    [Theory]
    [MemberData(nameof(StateHolidays2026))]
    public void A_regional_holiday_applies_in_its_region_only(string country, string region, int month, int day, string namePt)
    {
        var date = Date(2026, month, day);

        Assert.Contains(Of(country, region).NonBusinessDays(2026), d => d.Date == date && d.Reason == NonBusinessReason.RegionalHoliday && d.NamePt == namePt);
        Assert.DoesNotContain(Of(country).NonBusinessDays(2026), d => d.Date == date);
        if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            Assert.False(Of(country, region).IsBusinessDay(date));
            Assert.True(Of(country).IsBusinessDay(date));
        }
    }

    [Fact]
    public void Sao_Paulo_state_holiday_on_Thursday_9_July_2026_moves_the_next_business_day_to_Friday()
    {
        Assert.Equal(DayOfWeek.Wednesday, Date(2026, 7, 8).DayOfWeek);

        Assert.Equal(Date(2026, 7, 10), Of("BR", "BR-SP").NextBusinessDay(Date(2026, 7, 8)));
        Assert.Equal(Date(2026, 7, 9), Of("BR", "BR-RJ").NextBusinessDay(Date(2026, 7, 8)));
    }

    [Theory]
    [MemberData(nameof(OfficialHolidays.Years2025To2035), MemberType = typeof(OfficialHolidays))]
    public void Azores_day_is_the_Monday_after_Pentecost(int year)
    {
        var pentecostMonday = GaussEaster.Sunday(year).AddDays(50);

        Assert.Equal(DayOfWeek.Monday, pentecostMonday.DayOfWeek);
        Assert.False(Of("PT", "PT-20").IsBusinessDay(pentecostMonday));
        // In 2030 it coincides with Portugal Day (10 June), closed everywhere anyway.
        Assert.Equal(!OfficialHolidays.Portugal(year).Contains(pentecostMonday), Of("PT", "PT-11").IsBusinessDay(pentecostMonday));
        Assert.Contains(Of("PT", "PT-20").NonBusinessDays(year), day => day.Date == pentecostMonday && day.NamePt == "Dia da Região Autónoma dos Açores");
    }

    [Fact]
    public void Rio_de_Janeiro_keeps_one_Black_Consciousness_Day_before_2024_and_national_after()
    {
        Assert.False(Of("BR", "BR-RJ").IsBusinessDay(Date(2023, 11, 20)));
        Assert.Equal(
            [NonBusinessReason.NationalHoliday],
            Of("BR", "BR-RJ").NonBusinessDays(2025).Where(day => day.Date == Date(2025, 11, 20)).Select(day => day.Reason));
    }

    [Fact]
    public void A_state_holiday_can_be_added_by_configuration()
    {
        var settings = new CompanyCalendarSettings
        {
            Holidays = [HolidayDefinition.Fixed("BR", 3, 6, "Data Magna de Pernambuco", "Pernambuco Day") with { Region = "BR-PE" }],
        };
        Assert.Equal(DayOfWeek.Friday, Date(2026, 3, 6).DayOfWeek);

        Assert.False(Of("BR", "BR-PE", settings: settings).IsBusinessDay(Date(2026, 3, 6)));
        Assert.True(Of("BR", "BR-SP", settings: settings).IsBusinessDay(Date(2026, 3, 6)));
    }
}
