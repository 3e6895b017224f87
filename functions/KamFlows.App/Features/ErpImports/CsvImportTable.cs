using Sylvan.Data.Csv;

namespace KamFlows.App.Features.ErpImports;

/// <summary>A CSV file read by Sylvan.Data.Csv, streaming: encoding and delimiter sniffed from its head unless the source names them.</summary>
public sealed class CsvImportTable : ImportTable
{
    private const int HeadBytes = 64 * 1024;
    private readonly CsvDataReader _reader;
    private readonly string[] _headers;
    private int _row = 1;

    private CsvImportTable(CsvDataReader reader, string format)
    {
        _reader = reader;
        Format = format;
        _headers = [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim())];
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override string Format { get; }

    public override int RowNumber => _row;

    public static async Task<CsvImportTable> OpenAsync(Stream stream, string? encodingName, char? delimiter, CancellationToken ct)
    {
        var head = new byte[HeadBytes];
        var length = 0;
        while (length < head.Length && await stream.ReadAsync(head.AsMemory(length), ct) is var n and > 0)
        {
            length += n;
        }

        var (sniffed, bom) = TextSniffing.DetectEncoding(head.AsSpan(0, length));
        var name = encodingName ?? sniffed;
        var encoding = TextSniffing.EncodingOf(name);
        var separator = delimiter ?? TextSniffing.Delimiter(encoding.GetString(head, bom, length - bom));
        var text = new StreamReader(new PrefixedStream(head, length, stream), encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var reader = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions
        {
            Delimiter = separator,
            HasHeaders = true,
            // A header repeated or missing is the mapping's problem, not a reason to refuse the file.
            HeaderComparer = StringComparer.Ordinal,
            BufferSize = 0x20000,
        }, ct);
        var shown = separator == '\t' ? "tab" : $"'{separator}'";
        return new CsvImportTable(reader, $"csv, {shown}, {name}");
    }

    public override async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        // Sylvan skips nothing: a blank line is a row of one empty field, passed over here.
        while (await _reader.ReadAsync(ct))
        {
            _row++;
            if (_reader.RowFieldCount > 1 || _reader.GetString(0).Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    public override string? Cell(int column) =>
        column < _reader.RowFieldCount && _reader.GetString(column) is { Length: > 0 } value ? value : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }
}
