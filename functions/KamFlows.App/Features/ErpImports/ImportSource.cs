using KamFlows.Domain.ErpImports;

namespace KamFlows.App.Features.ErpImports;

/// <summary>
/// One export of an ERP as KamFlows reads it, saved so every file of it is read the same way: which
/// column holds which field (by header), how it writes decimals and dates, the currency and business
/// unit of rows that name none, and optionally the encoding and delimiter (sniffed when null).
/// </summary>
public sealed record ImportSource(
    string Id,
    string Name,
    ImportKind Kind,
    IReadOnlyDictionary<string, string> Columns,
    DecimalMark DecimalMark,
    string? DateFormat,
    string? DefaultCurrency,
    string? DefaultBusinessUnit,
    string? Encoding,
    string? Delimiter,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public ValueFormats Formats => new(DecimalMark, DateFormat, DefaultCurrency);

    public char? DelimiterChar => Delimiter switch
    {
        null or "" => null,
        "tab" or "\\t" => '\t',
        var d => d[0],
    };
}

/// <summary>Where each field of a kind sits among a file's columns (-1: an optional field not mapped), or what is wrong with the mapping.</summary>
public sealed record ColumnMap(int[] Positions)
{
    public static ColumnMap Resolve(ImportSource source, IReadOnlyList<string> headers, out List<string> problems)
    {
        problems = [];
        var fields = ImportFields.For(source.Kind);
        var positions = new int[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            positions[i] = -1;
            if (!source.Columns.TryGetValue(fields[i].Name, out var column))
            {
                if (fields[i].Required)
                {
                    problems.Add($"The field '{fields[i].Name}' ({fields[i].Meaning}) is not mapped to a column.");
                }

                continue;
            }

            positions[i] = IndexOf(headers, column);
            if (positions[i] < 0)
            {
                problems.Add($"The field '{fields[i].Name}' is mapped to the column '{column}', which the file does not have (its columns: {string.Join(", ", headers.Select(h => $"'{h}'"))}).");
            }
        }

        return new ColumnMap(positions);
    }

    /// <summary>The current row's values in the kind's field order, into <paramref name="values"/> (reused row after row).</summary>
    public void Fill(ImportTable table, string?[] values)
    {
        for (var i = 0; i < Positions.Length; i++)
        {
            values[i] = Positions[i] < 0 ? null : table.Cell(Positions[i]);
        }
    }

    // Headers are matched ignoring case and surrounding blanks: ERPs change neither between exports, people typing a mapping do.
    private static int IndexOf(IReadOnlyList<string> headers, string column)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
