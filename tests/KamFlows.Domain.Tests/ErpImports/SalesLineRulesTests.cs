using KamFlows.Domain.ErpImports;

namespace KamFlows.Domain.Tests.ErpImports;

public sealed class SalesLineRulesTests
{
    private static readonly ValueFormats Brazil = new(DecimalMark.Comma, null, "BRL");

    [Fact]
    public void A_row_becomes_a_line_with_the_default_currency_when_none_is_given()
    {
        var reading = SalesLineRules.Read(["15/02/2026", "11.222.333/0001-81", "Oncologia", "10", "1.500,25", null, "NF-1", "1", null], Brazil);
        Assert.True(reading.Accepted);
        Assert.Equal(new SalesLine(new DateOnly(2026, 2, 15), "11.222.333/0001-81", "Oncologia", 10m, 1500.25m, "BRL", "NF-1", "1", null), reading.Value);
        Assert.Equal("d|NF-1|1", reading.Value!.NaturalKey);
    }

    [Theory]
    [InlineData("", "c", "p", "1", "1", "BRL", "The date is empty.")]
    [InlineData("32/01/2026", "c", "p", "1", "1", "BRL", "The date '32/01/2026' is not a date")]
    [InlineData("01/01/2026", "", "p", "1", "1", "BRL", "The customer")]
    [InlineData("01/01/2026", "c", "", "1", "1", "BRL", "The product line")]
    [InlineData("01/01/2026", "c", "p", "x", "1", "BRL", "The quantity 'x'")]
    [InlineData("01/01/2026", "c", "p", "1", "1,2,3", "BRL", "The net value '1,2,3'")]
    [InlineData("01/01/2026", "c", "p", "1", "1", "Real", "The currency 'Real'")]
    public void A_bad_row_is_refused_with_its_reason(string date, string customer, string line, string quantity, string net, string currency, string reason)
    {
        var reading = SalesLineRules.Read([date, customer, line, quantity, net, currency, null, null, null], Brazil);
        Assert.False(reading.Accepted);
        Assert.StartsWith(reason, reading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_document_the_values_are_the_natural_key()
    {
        var a = SalesLineRules.Read(["15/02/2026", "C1", "Onco", "1", "2,5", "EUR", null, null, null], Brazil).Value!;
        var b = SalesLineRules.Read(["2026-02-15", "C1", "Onco", "1", "2,50", "EUR", null, null, null], Brazil).Value!;
        Assert.False(a.HasDocumentKey);
        Assert.Equal("v|20260215|C1|Onco|1|2.5|EUR", a.NaturalKey);
        Assert.NotEqual(a.NaturalKey, b.NaturalKey); // 2.50 keeps its written scale: the same export writes it the same way
    }

    [Fact]
    public void A_receivable_needs_a_document_a_due_date_and_an_amount()
    {
        var ok = OpenReceivableRules.Read(["FT 2026/17", "501964843", "31.03.2026", "1.000,00", "EUR", null], Brazil);
        Assert.Equal(new OpenReceivable("FT 2026/17", "501964843", new DateOnly(2026, 3, 31), 1000m, "EUR", null), ok.Value);
        Assert.StartsWith("The due date", OpenReceivableRules.Read(["FT 1", "501964843", "", "1", "EUR", null], Brazil).Reason, StringComparison.Ordinal);
        Assert.StartsWith("The document", OpenReceivableRules.Read([null, "501964843", "31.03.2026", "1", "EUR", null], Brazil).Reason, StringComparison.Ordinal);
    }
}
