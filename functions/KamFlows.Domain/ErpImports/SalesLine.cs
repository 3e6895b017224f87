using System.Text.RegularExpressions;

namespace KamFlows.Domain.ErpImports;

/// <summary>One invoice or order line of the ERP, as read from a row.</summary>
public sealed record SalesLine(
    DateOnly Date,
    string Customer,
    string ProductLine,
    decimal Quantity,
    decimal NetValue,
    string Currency,
    string? Document,
    string? Line,
    string? BusinessUnit)
{
    /// <summary>
    /// What makes this line the same line in another export: the document and line number when the
    /// file has them (the ERP's own key), else every value of the line (an export without document
    /// numbers: the importer adds the how-many-th such line of the file it is, so two equal lines of one
    /// file stay two).
    /// </summary>
    public string NaturalKey => Document is { Length: > 0 } doc
        ? $"d|{doc}|{Line ?? ProductLine}"
        : $"v|{Date:yyyyMMdd}|{Customer}|{ProductLine}|{Quantity}|{NetValue}|{Currency}";

    public bool HasDocumentKey => Document is { Length: > 0 };
}

/// <summary>Reads a row's values (in <see cref="ImportFields.Sales"/> order) into a <see cref="SalesLine"/>, or says why not.</summary>
public static partial class SalesLineRules
{
    public static RowReading<SalesLine> Read(IReadOnlyList<string?> values, ValueFormats formats)
    {
        var date = values[0];
        if (!ErpDate.TryParse(date, formats.DateFormat, out var day))
        {
            return RowReading<SalesLine>.Refused(Blank(date) ? "The date is empty." : $"The date '{Clip(date)}' is not a date ({formats.DateFormat ?? "dd/MM/yyyy, dd-MM-yyyy, dd.MM.yyyy, yyyy-MM-dd"}).");
        }

        if (Text(values[1], 64) is not { } customer)
        {
            return RowReading<SalesLine>.Refused("The customer (tax id or code) is empty or longer than 64 characters.");
        }

        if (Text(values[2], 64) is not { } productLine)
        {
            return RowReading<SalesLine>.Refused("The product line is empty or longer than 64 characters.");
        }

        if (!ErpNumber.TryParse(values[3], formats.DecimalMark, out var quantity))
        {
            return RowReading<SalesLine>.Refused($"The quantity '{Clip(values[3])}' is not a number.");
        }

        if (!ErpNumber.TryParse(values[4], formats.DecimalMark, out var net) || Math.Abs(net) >= 1_000_000_000_000_000m)
        {
            return RowReading<SalesLine>.Refused($"The net value '{Clip(values[4])}' is not an amount.");
        }

        if (Currency(values[5], formats) is not { } currency)
        {
            return RowReading<SalesLine>.Refused($"The currency '{Clip(values[5])}' is not an ISO 4217 code such as BRL or EUR.");
        }

        var document = Text(values[6], 64);
        var line = Text(values[7], 16);
        if (values[6] is { Length: > 64 } || values[7] is { Length: > 16 })
        {
            return RowReading<SalesLine>.Refused("The document number is longer than 64 characters or the line number longer than 16.");
        }

        return new(new SalesLine(day, customer, productLine, quantity, net, currency, document, line, Text(values[8], 32)), null);
    }

    internal static string? Currency(string? value, ValueFormats formats)
    {
        var code = Blank(value) ? formats.DefaultCurrency : value!.Trim().ToUpperInvariant();
        return code is not null && CurrencyCode().IsMatch(code) ? code : null;
    }

    internal static string? Text(string? value, int max) =>
        value?.Trim() is { Length: > 0 } t && t.Length <= max && !t.Contains('|') && !t.Any(char.IsControl) ? t : null;

    internal static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>At most 40 characters of a refused value, so a report of a bad file stays readable.</summary>
    internal static string Clip(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
