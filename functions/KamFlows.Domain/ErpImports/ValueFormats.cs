namespace KamFlows.Domain.ErpImports;

/// <summary>How a source writes its values: the decimal mark, the date format (null: any of <see cref="ErpDate.Formats"/>) and the currency of rows that name none.</summary>
public sealed record ValueFormats(DecimalMark DecimalMark, string? DateFormat, string? DefaultCurrency)
{
    public static ValueFormats Default { get; } = new(DecimalMark.Auto, null, null);
}
