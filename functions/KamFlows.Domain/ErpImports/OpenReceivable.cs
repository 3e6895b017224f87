namespace KamFlows.Domain.ErpImports;

/// <summary>One open document of the ERP's receivables (an invoice or an instalment of one).</summary>
public sealed record OpenReceivable(string Document, string Customer, DateOnly DueDate, decimal Amount, string Currency, string? BusinessUnit);

/// <summary>Reads a row's values (in <see cref="ImportFields.Receivables"/> order) into an <see cref="OpenReceivable"/>, or says why not.</summary>
public static class OpenReceivableRules
{
    public static RowReading<OpenReceivable> Read(IReadOnlyList<string?> values, ValueFormats formats)
    {
        if (SalesLineRules.Text(values[0], 64) is not { } document)
        {
            return RowReading<OpenReceivable>.Refused("The document number is empty or longer than 64 characters.");
        }

        if (SalesLineRules.Text(values[1], 64) is not { } customer)
        {
            return RowReading<OpenReceivable>.Refused("The customer (tax id or code) is empty or longer than 64 characters.");
        }

        if (!ErpDate.TryParse(values[2], formats.DateFormat, out var due))
        {
            return RowReading<OpenReceivable>.Refused(SalesLineRules.Blank(values[2]) ? "The due date is empty." : $"The due date '{SalesLineRules.Clip(values[2])}' is not a date.");
        }

        if (!ErpNumber.TryParse(values[3], formats.DecimalMark, out var amount) || Math.Abs(amount) >= 1_000_000_000_000_000m)
        {
            return RowReading<OpenReceivable>.Refused($"The amount '{SalesLineRules.Clip(values[3])}' is not an amount.");
        }

        if (SalesLineRules.Currency(values[4], formats) is not { } currency)
        {
            return RowReading<OpenReceivable>.Refused($"The currency '{SalesLineRules.Clip(values[4])}' is not an ISO 4217 code such as BRL or EUR.");
        }

        return new(new OpenReceivable(document, customer, due, amount, currency, SalesLineRules.Text(values[5], 32)), null);
    }
}
