using System.Globalization;
using ExcelDataReader;
using KamFlows.Domain.ErpImports;

namespace KamFlows.App.Features.ErpImports;

/// <summary>
/// The first worksheet of an .xlsx read by ExcelDataReader, which streams the sheet's XML (ClosedXML
/// would load the workbook whole). Cells come as numbers, dates or text; numbers and dates are written
/// back as text in the source's formats, so the same rules read a CSV and a spreadsheet. A number
/// is a double in the file format itself; <c>new decimal(double)</c> keeps its 15 significant digits,
/// which gives back exactly the amount the ERP wrote.
/// </summary>
public sealed class XlsxImportTable : ImportTable
{
    private readonly IExcelDataReader _reader;
    private readonly ValueFormats _formats;
    private readonly string[] _headers;
    private int _row = 1;

    private XlsxImportTable(IExcelDataReader reader, ValueFormats formats, string[] headers)
    {
        _reader = reader;
        _formats = formats;
        _headers = headers;
        Format = $"xlsx, sheet '{reader.Name}'";
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override string Format { get; }

    public override int RowNumber => _row;

    /// <summary>Opens the workbook (the stream must seek: a zip is read from its end) at the first sheet's header row.</summary>
    public static XlsxImportTable Open(Stream stream, ValueFormats formats)
    {
        _ = TextSniffing.Delimiters; // code pages registered, which ExcelDataReader needs on .NET
        var reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
        if (!reader.Read())
        {
            return new XlsxImportTable(reader, formats, []);
        }

        var headers = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)?.Trim() ?? "").ToArray();
        return new XlsxImportTable(reader, formats, headers);
    }

    public override ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        while (_reader.Read())
        {
            _row++;
            for (var i = 0; i < _reader.FieldCount; i++)
            {
                if (Cell(i) is not null)
                {
                    return ValueTask.FromResult(true);
                }
            }
        }

        return ValueTask.FromResult(false);
    }

    public override string? Cell(int column)
    {
        if (column >= _reader.FieldCount)
        {
            return null;
        }

        return _reader.GetValue(column) switch
        {
            null => null,
            string s => s.Length > 0 ? s : null,
            double d => Number(new decimal(d)),
            int i => Number(i),
            long l => Number(l),
            decimal m => Number(m),
            DateTime t => DateOnly.FromDateTime(t).ToString(_formats.DateFormat ?? "yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
    }

    private string Number(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return _formats.DecimalMark == DecimalMark.Comma ? text.Replace('.', ',') : text;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }
}
