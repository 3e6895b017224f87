using System.Globalization;
using Azure.Data.Tables;
using KamFlows.App.Features.Portfolio;
using KamFlows.App.Features.SalesHistory;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.ErpImports;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.ErpImports;

/// <summary>
/// Sales lines: each row staged in its account's partition of <c>saleslines</c>, keyed by quarter,
/// natural key and import; after the switch the history of every account quarter it touched is rebuilt.
/// </summary>
public sealed class SalesImportRules(SalesHistoryProjection projection, IOptions<PortfolioOptions> portfolio) : IImportKindRules
{
    public ImportKind Kind => ImportKind.Sales;

    public string StagingTable => StorageLayout.SalesLinesTable;

    public StagedRow Stage(string?[] values, int rowNumber, ImportRunContext context)
    {
        var reading = SalesLineRules.Read(values, context.Source.Formats);
        if (reading.Value is not { } line)
        {
            return StagedRow.Refused(reading.Reason!);
        }

        if (context.Customers.Find(line.Customer) is not { } customer)
        {
            return StagedRow.Refused("The customer has no letter or digit.");
        }

        var (unit, problem) = context.BusinessUnitOf(line.BusinessUnit, customer);
        if (unit is null)
        {
            return StagedRow.Refused(problem!);
        }

        if (!portfolio.Value.Accepts(line.Currency))
        {
            return StagedRow.Refused($"There is no exchange rate for {line.Currency} (Portfolio:ExchangeRates).");
        }

        var key = line.NaturalKey;
        if (line.HasDocumentKey)
        {
            if (!context.Seen.TryAdd(key, rowNumber))
            {
                return StagedRow.Refused($"Row {context.Seen[key]} has the same document and line.");
            }
        }
        else
        {
            // Equal lines of one file stay apart by their count, and meet the same count in the next export.
            var count = context.Seen[key] = context.Seen.GetValueOrDefault(key) + 1;
            key = $"{key}|#{count}";
        }

        var quarter = Quarter.Of(line.Date).ToString();
        var entity = new TableEntity(customer.AccountId, $"{quarter}|{context.KeyOf(key)}|{context.Import.Id}")
        {
            ["Date"] = line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ProductLine"] = line.ProductLine,
            ["Quantity"] = line.Quantity.ToString(CultureInfo.InvariantCulture),
            ["NetValue"] = line.NetValue.ToString(CultureInfo.InvariantCulture),
            ["Currency"] = line.Currency,
            ["BusinessUnit"] = unit,
        };
        return new StagedRow(entity, $"{customer.AccountId}|{quarter}", null);
    }

    public Task ApplyAsync(ImportRecord import, IReadOnlyList<string> touched, CancellationToken ct) => projection.RebuildAsync(touched, ct);
}
