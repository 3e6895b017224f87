using KamFlows.Domain.Calendar;

namespace KamFlows.Domain.Tests.Calendar;

public sealed class EasterTests
{
    public static TheoryData<int, int, int> PublishedEasterSundays => new()
    {
        { 2025, 4, 20 }, { 2026, 4, 5 }, { 2027, 3, 28 }, { 2028, 4, 16 }, { 2029, 4, 1 }, { 2030, 4, 21 },
        { 2031, 4, 13 }, { 2032, 3, 28 }, { 2033, 4, 17 }, { 2034, 4, 9 }, { 2035, 3, 25 },
    };

    [Theory]
    [MemberData(nameof(PublishedEasterSundays))]
    public void Easter_falls_on_the_published_date(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Easter.Sunday(year));
        Assert.Equal(new DateOnly(year, month, day), GaussEaster.Sunday(year));
    }

    [Fact]
    public void Easter_agrees_with_Gauss_algorithm_for_every_Gregorian_year_to_4000()
    {
        var disagreements = Enumerable.Range(Easter.FirstYear, 4000 - Easter.FirstYear + 1)
            .Where(year => Easter.Sunday(year) != GaussEaster.Sunday(year))
            .ToList();

        Assert.Empty(disagreements);
    }

    [Fact]
    public void Easter_is_always_a_Sunday_between_22_March_and_25_April()
    {
        foreach (var year in Enumerable.Range(Easter.FirstYear, 4000 - Easter.FirstYear + 1))
        {
            var easter = Easter.Sunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Fact]
    public void Years_before_the_Gregorian_calendar_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Easter.Sunday(1582));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendars.Of("PT").NonBusinessDays(1582));
    }
}
