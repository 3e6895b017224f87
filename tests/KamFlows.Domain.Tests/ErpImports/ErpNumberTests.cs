using KamFlows.Domain.ErpImports;

namespace KamFlows.Domain.Tests.ErpImports;

public sealed class ErpNumberTests
{
    [Theory]
    [InlineData("1.234,56", DecimalMark.Comma, "1234.56")]
    [InlineData("1234,56", DecimalMark.Comma, "1234.56")]
    [InlineData("1.234.567,8", DecimalMark.Comma, "1234567.8")]
    [InlineData("1.234", DecimalMark.Comma, "1234")]
    [InlineData("-12,5", DecimalMark.Comma, "-12.5")]
    [InlineData("123,45-", DecimalMark.Comma, "-123.45")]
    [InlineData("(12,50)", DecimalMark.Comma, "-12.50")]
    [InlineData("R$ 1.234,56", DecimalMark.Comma, "1234.56")]
    [InlineData("1 234,56 €", DecimalMark.Comma, "1234.56")]
    [InlineData("1,234.56", DecimalMark.Point, "1234.56")]
    [InlineData("1234.56", DecimalMark.Point, "1234.56")]
    [InlineData("1,234", DecimalMark.Point, "1234")]
    [InlineData("0.1", DecimalMark.Point, "0.1")]
    [InlineData("1.234,56", DecimalMark.Auto, "1234.56")]
    [InlineData("1,234.56", DecimalMark.Auto, "1234.56")]
    [InlineData("1.234.567", DecimalMark.Auto, "1234567")]
    [InlineData("12,5", DecimalMark.Auto, "12.5")]
    public void Reads_the_amounts_erps_write_exactly(string text, DecimalMark mark, string expected)
    {
        Assert.True(ErpNumber.TryParse(text, mark, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void A_tenth_stays_a_tenth_where_a_double_would_not()
    {
        // 0.1 + 0.2 is 0.30000000000000004 in floating point; the sum of the parsed values is exact.
        Assert.True(ErpNumber.TryParse("0,1", DecimalMark.Comma, out var a));
        Assert.True(ErpNumber.TryParse("0,2", DecimalMark.Comma, out var b));
        Assert.Equal(0.3m, a + b);
        Assert.Equal("0.3", (a + b).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12,34,5")]
    [InlineData("1,2.3,4")]
    [InlineData("--")]
    [InlineData("12a")]
    public void Refuses_what_is_not_a_number(string text) =>
        Assert.False(ErpNumber.TryParse(text, DecimalMark.Comma, out _));

    [Fact]
    public void The_mark_a_column_uses_is_sniffed_from_values_that_show_it()
    {
        Assert.Equal(DecimalMark.Comma, ErpNumber.Sniff(["1.234", "12,50", "3.000,10"]));
        Assert.Equal(DecimalMark.Point, ErpNumber.Sniff(["1,234.5", "12.50"]));
        Assert.Equal(DecimalMark.Auto, ErpNumber.Sniff(["1.234", "17", null]));
    }
}
