using System.Globalization;
using Azure.Data.Tables;
using KamFlows.Domain.Receivables;

namespace KamFlows.App.Features.Receivables;

/// <summary>
/// How a document is held in a table row, the same in the staged versions (<c>receivablelines</c>) and
/// the open documents (<c>receivables</c>), so one reads what the other wrote. The account is the row's partition.
/// </summary>
internal static class ReceivableColumns
{
    public static TableEntity Write(TableEntity row, ReceivableDocument document, string businessUnit)
    {
        row["SourceId"] = document.SourceId;
        row["Document"] = document.Document;
        row["DueDate"] = document.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row["Amount"] = document.Amount.ToString(CultureInfo.InvariantCulture);
        row["Currency"] = document.Currency;
        row["BusinessUnit"] = businessUnit;
        return row;
    }

    public static (ReceivableDocument Document, string BusinessUnit) Read(TableEntity row) => (
        new ReceivableDocument(
            row.GetString("SourceId"), row.GetString("Document"), row.PartitionKey,
            DateOnly.ParseExact(row.GetString("DueDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal.Parse(row.GetString("Amount"), NumberStyles.Number, CultureInfo.InvariantCulture), row.GetString("Currency")),
        row.GetString("BusinessUnit"));
}
