using System.ComponentModel.DataAnnotations;
using KamFlows.Domain.ErpImports;

namespace KamFlows.App.Features.ErpImports;

/// <summary>The body of <c>PUT /api/imports/sources/{id}</c>: a source's column mapping and formats.</summary>
public sealed record ImportSourceInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string? Name,
    [property: Required] ImportKind? Kind,
    [property: Required] Dictionary<string, string>? Columns,
    DecimalMark? DecimalMark,
    [property: StringLength(32)] string? DateFormat,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "DefaultCurrency is an ISO 4217 code, e.g. BRL or EUR.")] string? DefaultCurrency,
    [property: StringLength(32)] string? DefaultBusinessUnit,
    [property: RegularExpression("^(utf-8|windows-1252)$", ErrorMessage = "Encoding is utf-8 or windows-1252 (or left out to detect it).")] string? Encoding,
    [property: RegularExpression("^(;|,|\\||tab)$", ErrorMessage = "Delimiter is ; , | or tab (or left out to detect it).")] string? Delimiter) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is not { } kind || Columns is null)
        {
            yield break;
        }

        var fields = ImportFields.For(kind);
        foreach (var (field, column) in Columns)
        {
            if (!fields.Any(f => f.Name == field))
            {
                yield return new ValidationResult($"'{field}' is not a field of a {kind} import: {string.Join(", ", fields.Select(f => f.Name))}.", [$"columns.{field}"]);
            }
            else if (string.IsNullOrWhiteSpace(column) || column.Length > 200)
            {
                yield return new ValidationResult("A column is named by its header, 1 to 200 characters.", [$"columns.{field}"]);
            }
        }

        foreach (var field in fields.Where(f => f.Required && !Columns.ContainsKey(f.Name)))
        {
            yield return new ValidationResult($"The field '{field.Name}' ({field.Meaning}) needs a column.", [$"columns.{field.Name}"]);
        }

        if (!Columns.ContainsKey(ImportFields.Currency) && DefaultCurrency is null)
        {
            yield return new ValidationResult("Map a currency column or give a default currency.", ["defaultCurrency"]);
        }

        if (DateFormat is { } format && !IsDateFormat(format))
        {
            yield return new ValidationResult("DateFormat is a day, month and year pattern such as dd/MM/yyyy (or left out to accept the usual ones).", ["dateFormat"]);
        }
    }

    public ImportSource ToSource(string id, DateTimeOffset now, string by) => new(
        id, Name!.Trim(), Kind!.Value, Columns!.ToDictionary(c => c.Key, c => c.Value.Trim()), DecimalMark ?? Domain.ErpImports.DecimalMark.Auto,
        DateFormat, DefaultCurrency, DefaultBusinessUnit, Encoding, Delimiter, now, by);

    private static bool IsDateFormat(string format) =>
        format.Contains("dd", StringComparison.Ordinal) && format.Contains("MM", StringComparison.Ordinal) && format.Contains("yy", StringComparison.Ordinal)
        && format.All(c => c is 'd' or 'M' or 'y' or '/' or '-' or '.');
}
