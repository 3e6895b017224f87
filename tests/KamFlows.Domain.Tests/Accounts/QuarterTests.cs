using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Tests.Accounts;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026-Q2", "2026-04-01", "2026-06-30")]
    [InlineData("2024-Q1", "2024-01-01", "2024-03-31")]
    [InlineData("2027-Q4", "2027-10-01", "2027-12-31")]
    public void A_quarter_spans_its_three_months(string text, string first, string last)
    {
        var quarter = Quarter.Parse(text);

        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), quarter.FirstDay);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), quarter.LastDay);
        Assert.Equal(text, quarter.ToString());
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026Q1")]
    [InlineData("26-Q1")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_quarter(string? text) => Assert.False(Quarter.TryParse(text, out _));

    [Fact]
    public void Quarters_count_across_years()
    {
        Assert.Equal(Quarter.Parse("2027-Q1"), Quarter.Parse("2026-Q4").Plus(1));
        Assert.Equal(Quarter.Parse("2025-Q4"), Quarter.Parse("2026-Q1").Plus(-1));
        Assert.True(Quarter.Parse("2025-Q4") < Quarter.Parse("2026-Q1"));
        Assert.Equal(5, Quarter.Parse("2027-Q2").Index - Quarter.Parse("2026-Q1").Index);
    }

    [Fact]
    public void The_last_complete_quarter_is_the_one_before_unless_today_ends_one()
    {
        Assert.Equal(Quarter.Parse("2025-Q4"), Quarter.LastCompleteOn(new DateOnly(2026, 3, 30)));
        Assert.Equal(Quarter.Parse("2026-Q1"), Quarter.LastCompleteOn(new DateOnly(2026, 3, 31)));
        Assert.Equal(Quarter.Parse("2026-Q1"), Quarter.LastCompleteOn(new DateOnly(2026, 4, 1)));
    }
}
