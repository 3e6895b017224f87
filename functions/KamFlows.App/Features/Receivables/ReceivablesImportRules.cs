using Azure.Data.Tables;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Features.Portfolio;
using KamFlows.App.Storage;
using KamFlows.Domain.ErpImports;
using KamFlows.Domain.Receivables;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Receivables;

/// <summary>
/// Open receivables: each row staged in its account's partition of <c>receivablelines</c>, keyed by the
/// document within its source and the import; after the switch the open documents of every account
/// the file named (and, for a full snapshot, every account that had one of the source's documents open)
/// are worked out again, and their follow-ups told (<see cref="ReceivablesProjection"/>).
/// </summary>
public sealed class ReceivablesImportRules(ReceivablesProjection projection, IOptions<PortfolioOptions> portfolio) : IImportKindRules
{
    public ImportKind Kind => ImportKind.Receivables;

    public string StagingTable => StorageLayout.ReceivableLinesTable;

    public StagedRow Stage(string?[] values, int rowNumber, ImportRunContext context)
    {
        var reading = OpenReceivableRules.Read(values, context.Source.Formats);
        if (reading.Value is not { } document)
        {
            return StagedRow.Refused(reading.Reason!);
        }

        if (context.Customers.Find(document.Customer) is not { } customer)
        {
            return StagedRow.Refused("The customer has no letter or digit.");
        }

        var (unit, problem) = context.BusinessUnitOf(document.BusinessUnit, customer);
        if (unit is null)
        {
            return StagedRow.Refused(problem!);
        }

        // The account's totals are in the reporting currency.
        if (!portfolio.Value.Accepts(document.Currency))
        {
            return StagedRow.Refused($"There is no exchange rate for {document.Currency} (Portfolio:ExchangeRates).");
        }

        if (!context.Seen.TryAdd(document.Document, rowNumber))
        {
            return StagedRow.Refused($"Row {context.Seen[document.Document]} has the same document.");
        }

        var entity = ReceivableColumns.Write(
            new TableEntity(customer.AccountId, $"{context.KeyOf(document.Document)}|{context.Import.Id}"),
            new ReceivableDocument(context.Source.Id, document.Document, customer.AccountId, document.DueDate, document.Amount, document.Currency), unit);
        return new StagedRow(entity, customer.AccountId, null);
    }

    public Task ApplyAsync(ImportRecord import, IReadOnlyList<string> touched, CancellationToken ct) => projection.ApplyAsync(import, touched, ct);
}
