using KamFlows.Domain.ErpImports;

namespace KamFlows.Domain.Tests.ErpImports;

public sealed class ErpDateTests
{
    [Theory]
    [InlineData("31/03/2026")]
    [InlineData("31-03-2026")]
    [InlineData("31.03.2026")]
    [InlineData("2026-03-31")]
    [InlineData("2026/03/31")]
    [InlineData("20260331")]
    [InlineData("31/03/26")]
    [InlineData("31/03/2026 14:05:00")]
    [InlineData("2026-03-31T00:00:00")]
    [InlineData(" 31/3/2026 ")]
    [InlineData("46112")] // the serial of a spreadsheet cell that lost its date style
    public void Reads_the_dates_brazilian_and_portuguese_erps_export(string text)
    {
        Assert.True(ErpDate.TryParse(text, null, out var date));
        Assert.Equal(new DateOnly(2026, 3, 31), date);
    }

    [Fact]
    public void Day_first_is_never_read_month_first()
    {
        Assert.True(ErpDate.TryParse("03/04/2026", null, out var date));
        Assert.Equal(new DateOnly(2026, 4, 3), date);
        Assert.False(ErpDate.TryParse("04/13/2026", null, out _));
    }

    [Fact]
    public void A_format_named_by_the_source_is_the_only_one_accepted()
    {
        Assert.True(ErpDate.TryParse("31.03.2026", "dd.MM.yyyy", out var date));
        Assert.Equal(new DateOnly(2026, 3, 31), date);
        Assert.False(ErpDate.TryParse("2026-03-31", "dd.MM.yyyy", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("31/02/2026")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    public void Refuses_what_is_not_a_date(string text) => Assert.False(ErpDate.TryParse(text, null, out _));
}
