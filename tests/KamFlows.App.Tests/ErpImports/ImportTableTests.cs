using System.Text;
using KamFlows.App.Features.ErpImports;
using KamFlows.Domain.ErpImports;

namespace KamFlows.App.Tests.ErpImports;

/// <summary>The readers on their own: delimiters and encodings sniffed, quoting, blank lines, a workbook's typed cells.</summary>
public sealed class ImportTableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(ImportTable Table, List<string?[]> Rows)> ReadCsvAsync(byte[] bytes, string? encoding = null, char? delimiter = null)
    {
        var table = await CsvImportTable.OpenAsync(new MemoryStream(bytes), encoding, delimiter, Ct);
        var rows = new List<string?[]>();
        while (await table.ReadAsync(Ct))
        {
            rows.Add([.. Enumerable.Range(0, table.Headers.Count).Select(table.Cell)]);
        }

        return (table, rows);
    }

    [Theory]
    [InlineData(";", "';'")]
    [InlineData(",", "','")]
    [InlineData("\t", "tab")]
    [InlineData("|", "'|'")]
    public async Task The_delimiter_is_sniffed_from_the_header_line(string delimiter, string shown)
    {
        var text = string.Join(delimiter, "Data", "Cliente", "Valor") + "\r\n" + string.Join(delimiter, "01/02/2026", "\"Hospital, São Paulo\"", "\"1.234,56\"") + "\r\n";
        var (table, rows) = await ReadCsvAsync(Encoding.UTF8.GetBytes(text));
        Assert.Equal(["Data", "Cliente", "Valor"], table.Headers);
        Assert.Equal(["01/02/2026", "Hospital, São Paulo", "1.234,56"], rows.Single());
        Assert.Contains(shown, table.Format, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows_1252_is_recognised_and_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("Cliente;Linha\r\nFarmácia São João;Oncologia € 5\r\n");
        var (table, rows) = await ReadCsvAsync(bytes);
        Assert.Equal(["Farmácia São João", "Oncologia € 5"], rows.Single());
        Assert.Contains("windows-1252", table.Format, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8_with_and_without_a_byte_order_mark_is_read_as_utf8()
    {
        var text = "Cliente;Linha\nFarmácia São João;Ação\n";
        var (plain, rows) = await ReadCsvAsync(Encoding.UTF8.GetBytes(text));
        var (marked, markedRows) = await ReadCsvAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(["Farmácia São João", "Ação"], rows.Single());
        Assert.Equal(rows.Single(), markedRows.Single());
        Assert.Equal(["Cliente", "Linha"], marked.Headers); // the mark is not part of the first header
        Assert.Contains("utf-8", plain.Format, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_utf8_character_cut_by_the_sniffed_head_is_still_utf8()
    {
        // 64 KiB of 'ã' (two bytes each) puts a character across the head's end at an odd length.
        var text = "A;B\n" + new string('ã', 40_000) + ";x\n";
        var (table, rows) = await ReadCsvAsync(Encoding.UTF8.GetBytes(text));
        Assert.Contains("utf-8", table.Format, StringComparison.Ordinal);
        Assert.Equal(40_000, rows.Single()[0]!.Length);
    }

    [Fact]
    public async Task Row_numbers_are_the_files_and_blank_lines_are_passed_over()
    {
        using var table = await CsvImportTable.OpenAsync(new MemoryStream(Encoding.UTF8.GetBytes("A;B\n1;2\n\n3;4\n")), null, null, Ct);
        var numbers = new List<int>();
        while (await table.ReadAsync(Ct))
        {
            numbers.Add(table.RowNumber);
        }

        Assert.Equal([2, 4], numbers);
    }

    [Fact]
    public async Task A_named_encoding_and_delimiter_win_over_sniffing()
    {
        var (table, rows) = await ReadCsvAsync(Encoding.Latin1.GetBytes("A,B;C\n1,2;3\n"), TextSniffing.Windows1252, ';');
        Assert.Equal(["A,B", "C"], table.Headers);
        Assert.Equal(["1,2", "3"], rows.Single());
    }

    [Fact]
    public async Task A_workbook_gives_text_numbers_in_the_sources_decimal_mark_and_dates()
    {
        var bytes = XlsxFile.Build([
            ["Data", "Cliente", "Valor", "Qtd"],
            [new DateOnly(2026, 2, 15), "11.222.333/0001-81", 1234.56m, 3],
            [null, null, null, null],
            [new DateOnly(2026, 3, 1), "C-9", -0.1m, 1],
        ]);
        using var table = XlsxImportTable.Open(new MemoryStream(bytes), new ValueFormats(DecimalMark.Comma, "dd/MM/yyyy", "BRL"));
        Assert.Equal(["Data", "Cliente", "Valor", "Qtd"], table.Headers);
        Assert.True(await table.ReadAsync(Ct));
        Assert.Equal(["15/02/2026", "11.222.333/0001-81", "1234,56", "3"], Enumerable.Range(0, 4).Select(table.Cell));
        Assert.Equal(2, table.RowNumber);
        Assert.True(await table.ReadAsync(Ct));
        Assert.Equal(4, table.RowNumber); // the empty row 3 is passed over
        Assert.Equal("-0,1", table.Cell(2));
        Assert.False(await table.ReadAsync(Ct));
        Assert.Contains("Vendas", table.Format, StringComparison.Ordinal);
    }
}
