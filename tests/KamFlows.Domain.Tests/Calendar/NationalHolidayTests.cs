using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

public sealed class NationalHolidayTests
{
    [Theory]
    [MemberData(nameof(OfficialHolidays.Years2025To2035), MemberType = typeof(OfficialHolidays))]
    public void Portugal_national_holidays_match_the_labour_code(int year)
    {
        var national = Of("PT").NonBusinessDays(year).DatesOf(NonBusinessReason.NationalHoliday);

        Assert.Equal(OfficialHolidays.Portugal(year).Order(), national.Order());
    }

    [Theory]
    [MemberData(nameof(OfficialHolidays.Years2025To2035), MemberType = typeof(OfficialHolidays))]
    public void Brazil_national_holidays_match_the_federal_laws(int year)
    {
        var national = Of("BR").NonBusinessDays(year).DatesOf(NonBusinessReason.NationalHoliday);

        Assert.Equal(OfficialHolidays.Brazil(year).Order(), national.Order());
    }

    [Theory]
    [MemberData(nameof(OfficialHolidays.Years2025To2035), MemberType = typeof(OfficialHolidays))]
    public void Good_Friday_is_a_national_holiday_in_both_countries(int year)
    {
        var goodFriday = GaussEaster.Sunday(year).AddDays(-2);

        Assert.Equal(DayOfWeek.Friday, goodFriday.DayOfWeek);
        Assert.False(Of("PT").IsBusinessDay(goodFriday));
        Assert.False(Of("BR").IsBusinessDay(goodFriday));
        Assert.Contains(Of("PT").NonBusinessDays(year), day => day.Date == goodFriday && day.NamePt == "Sexta-feira Santa");
        Assert.Contains(Of("BR").NonBusinessDays(year), day => day.Date == goodFriday && day.NamePt == "Paixão de Cristo");
    }

    [Fact]
    public void Corpus_Christi_2026_is_4_June_a_holiday_in_Portugal_and_optional_in_Brazil()
    {
        var corpusChristi = Date(2026, 6, 4);

        Assert.Contains(Of("PT").NonBusinessDays(2026), day => day.Date == corpusChristi && day.Reason == NonBusinessReason.NationalHoliday && day.NamePt == "Corpo de Deus");
        Assert.Contains(Of("BR").OptionalDays(2026), day => day.Date == corpusChristi && day.OptionalDay == OptionalDay.CorpusChristi);
        Assert.True(Of("BR").IsBusinessDay(corpusChristi));
    }

    [Fact]
    public void Carnival_Tuesday_2026_is_17_February_and_optional_in_both_countries()
    {
        foreach (var country in HolidayRules.SupportedCountries)
        {
            Assert.Contains(Of(country).OptionalDays(2026), day => day.Date == Date(2026, 2, 17) && day.OptionalDay == OptionalDay.CarnivalTuesday);
        }
    }

    [Fact]
    public void Portugal_suspended_four_holidays_from_2013_to_2015()
    {
        var suspended = new[] { Date(2014, 6, 19), Date(2014, 10, 5), Date(2014, 11, 1), Date(2014, 12, 1) };

        Assert.Equal(GaussEaster.Sunday(2014).AddDays(60), suspended[0]);
        Assert.DoesNotContain(Of("PT").NonBusinessDays(2014), day => suspended.Contains(day.Date));
        Assert.Equal(OfficialHolidays.Portugal(2012).Order(), Of("PT").NonBusinessDays(2012).DatesOf(NonBusinessReason.NationalHoliday).Order());
        Assert.Equal(OfficialHolidays.Portugal(2016).Order(), Of("PT").NonBusinessDays(2016).DatesOf(NonBusinessReason.NationalHoliday).Order());
    }

    [Fact]
    public void Black_Consciousness_Day_is_national_in_Brazil_only_from_2024()
    {
        Assert.DoesNotContain(Date(2023, 11, 20), Of("BR").NonBusinessDays(2023).DatesOf(NonBusinessReason.NationalHoliday));
        Assert.True(Of("BR").IsBusinessDay(Date(2023, 11, 20)));
        Assert.Contains(Of("BR").NonBusinessDays(2024), day => day.Date == Date(2024, 11, 20) && day.NamePt == "Dia Nacional de Zumbi e da Consciência Negra");
    }

    [Fact]
    public void Every_holiday_has_a_Portuguese_and_an_English_name()
    {
        foreach (var country in HolidayRules.SupportedCountries)
        {
            foreach (var region in HolidayRules.Of(country).Regions)
            {
                var days = Of(country, region).NonBusinessDays(2026).Concat(Of(country, region).OptionalDays(2026));
                Assert.All(days, day =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(day.NamePt));
                    Assert.False(string.IsNullOrWhiteSpace(day.NameEn));
                });
            }
        }
    }
}
