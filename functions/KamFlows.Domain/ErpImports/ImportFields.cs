namespace KamFlows.Domain.ErpImports;

/// <summary>A field the import reads from a column of the file.</summary>
public sealed record ImportField(string Name, bool Required, string Meaning);

/// <summary>The fields of each kind of import, in the order a mapped row hands their values over.</summary>
public static class ImportFields
{
    public const string Date = "date";
    public const string Customer = "customer";
    public const string ProductLine = "productLine";
    public const string Quantity = "quantity";
    public const string NetValue = "netValue";
    public const string Currency = "currency";
    public const string Document = "document";
    public const string Line = "line";
    public const string BusinessUnit = "businessUnit";
    public const string DueDate = "dueDate";
    public const string Amount = "amount";

    public static IReadOnlyList<ImportField> Sales { get; } =
    [
        new(Date, true, "invoice or order date"),
        new(Customer, true, "the customer's tax id (CNPJ, NIF, VAT number) or ERP customer code"),
        new(ProductLine, true, "product line"),
        new(Quantity, true, "quantity"),
        new(NetValue, true, "net value (negative for a credit note)"),
        new(Currency, false, "ISO 4217 currency; the source's default currency when not mapped"),
        new(Document, false, "invoice or order number: with the line, the line's natural key"),
        new(Line, false, "line number within the document"),
        new(BusinessUnit, false, "business unit code; else the account's, else the source's default"),
    ];

    public static IReadOnlyList<ImportField> Receivables { get; } =
    [
        new(Document, true, "document (invoice, instalment) number: the receivable's natural key"),
        new(Customer, true, "the customer's tax id or ERP customer code"),
        new(DueDate, true, "due date"),
        new(Amount, true, "open amount"),
        new(Currency, false, "ISO 4217 currency; the source's default currency when not mapped"),
        new(BusinessUnit, false, "business unit code; else the account's, else the source's default"),
    ];

    public static IReadOnlyList<ImportField> For(ImportKind kind) => kind == ImportKind.Sales ? Sales : Receivables;

    /// <summary>The position of <paramref name="name"/> among the fields of <paramref name="kind"/>.</summary>
    public static int IndexOf(ImportKind kind, string name)
    {
        var fields = For(kind);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, $"not a field of a {kind} import");
    }
}
