using KamFlows.Domain.ErpImports;

namespace KamFlows.App.Features.ErpImports;

/// <summary>Reads the first rows of a file as an import would, without staging anything.</summary>
public static class ImportPreviews
{
    public static async Task<ImportPreview> ReadAsync(ImportTable table, ImportSource source, int count, CancellationToken ct)
    {
        var map = ColumnMap.Resolve(source, table.Headers, out var problems);
        var rows = new List<PreviewRow>();
        var samples = table.Headers.Select(_ => new List<string?>()).ToArray();
        var values = new string?[ImportFields.For(source.Kind).Count];
        while (rows.Count < count && await table.ReadAsync(ct))
        {
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                cells.TryAdd(table.Headers[i], table.Cell(i));
                samples[i].Add(table.Cell(i));
            }

            object? reads = null;
            string? rejected = null;
            if (problems.Count == 0)
            {
                map.Fill(table, values);
                if (source.Kind == ImportKind.Sales)
                {
                    var line = SalesLineRules.Read(values, source.Formats);
                    (reads, rejected) = (line.Value, line.Reason);
                }
                else
                {
                    var receivable = OpenReceivableRules.Read(values, source.Formats);
                    (reads, rejected) = (receivable.Value, receivable.Reason);
                }
            }

            rows.Add(new PreviewRow(table.RowNumber, cells, reads, rejected));
        }

        // The decimal mark each column's values show, so a mapping can be set right before the import runs.
        var marks = new Dictionary<string, DecimalMark>(StringComparer.Ordinal);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (ErpNumber.Sniff(samples[i]) is var mark and not DecimalMark.Auto)
            {
                marks.TryAdd(table.Headers[i], mark);
            }
        }

        return new ImportPreview(table.Format, table.Headers, problems, marks, rows);
    }
}
