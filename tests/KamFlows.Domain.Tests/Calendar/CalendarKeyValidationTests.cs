using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

public sealed class CalendarKeyValidationTests
{
    [Fact]
    public void Brazil_and_Portugal_are_the_supported_countries() =>
        Assert.Equal(["BR", "PT"], HolidayRules.SupportedCountries);

    [Fact]
    public void An_unknown_country_is_refused_with_the_supported_ones_in_the_message()
    {
        var refused = Assert.Throws<UnsupportedCalendarException>(() => Of("ES"));
        Assert.Contains("BR, PT", refused.Message, StringComparison.Ordinal);

        Assert.False(BusinessCalendar.TryFor(new CalendarKey("ES"), CompanyCalendarSettings.Default, out var calendar, out var problem));
        Assert.Null(calendar);
        Assert.Contains("ES", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BR", "BR-XX")]
    [InlineData("BR", "PT-30")]
    [InlineData("PT", "PT-19")]
    [InlineData("PT", "SP")]
    public void An_unknown_region_is_refused_rather_than_silently_ignored(string country, string region)
    {
        Assert.Throws<UnsupportedCalendarException>(() => Of(country, region));
        Assert.False(BusinessCalendar.TryFor(new CalendarKey(country, region), CompanyCalendarSettings.Default, out _, out var problem));
        Assert.Contains(region, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br", "sp")]
    [InlineData("BR", "BR-SP")]
    [InlineData(" Br ", "br-sp")]
    public void Country_and_region_are_accepted_in_any_case_and_the_short_form(string country, string region)
    {
        var calendar = Of(country, region);

        Assert.Equal(new CalendarKey("BR", "BR-SP"), calendar.Key);
        Assert.False(calendar.IsBusinessDay(Date(2026, 7, 9)));
    }

    [Fact]
    public void A_blank_region_means_the_whole_country() =>
        Assert.Equal(new CalendarKey("PT"), Of("PT", " ", "").Key);

    [Fact]
    public void An_exception_for_an_unsupported_calendar_is_an_argument_error_so_the_API_answers_400() =>
        Assert.IsAssignableFrom<ArgumentException>(Assert.Throws<UnsupportedCalendarException>(() => Of("XX")));
}
