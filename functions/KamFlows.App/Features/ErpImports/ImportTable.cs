namespace KamFlows.App.Features.ErpImports;

/// <summary>
/// A file of the ERP read row by row, never whole: a header row, then data rows. Row numbers are the
/// file's own (the header is row 1), so a rejected row can be found in the file as the ERP wrote it.
/// </summary>
public abstract class ImportTable : IDisposable
{
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>How the file was read, for the preview: "csv, ';', windows-1252" or "xlsx, sheet 'Vendas'".</summary>
    public abstract string Format { get; }

    /// <summary>The file row of the current data row.</summary>
    public abstract int RowNumber { get; }

    public abstract ValueTask<bool> ReadAsync(CancellationToken ct);

    /// <summary>The current row's cell in <paramref name="column"/> as text (numbers and dates of a spreadsheet in the source's formats); null when empty or missing.</summary>
    public abstract string? Cell(int column);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
