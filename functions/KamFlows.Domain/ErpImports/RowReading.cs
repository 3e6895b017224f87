namespace KamFlows.Domain.ErpImports;

/// <summary>A row of the file read as a line, or the reason it was refused (shown with its row number).</summary>
public readonly record struct RowReading<T>(T? Value, string? Reason)
    where T : class
{
    public static RowReading<T> Refused(string reason) => new(null, reason);

    public bool Accepted => Value is not null;
}
