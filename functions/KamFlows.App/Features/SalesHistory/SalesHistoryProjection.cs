using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Features.Portfolio;
using KamFlows.App.Storage;
using KamFlows.Domain.ErpImports;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.SalesHistory;

/// <summary>One product line of an account in a quarter and business unit, in one currency.</summary>
public sealed record SalesHistoryLine(string ProductLine, string BusinessUnit, string Currency, decimal Quantity, decimal NetValue, int Lines);

/// <summary>
/// Rebuilds an account quarter's sales history from the lines that count (<see cref="CountingVersions"/>)
/// into <c>saleshistory</c> (partition = account, row = quarter), and its revenue per business unit
/// into the revenue store that the Pareto classification and risk signals read, in the reporting
/// currency. Rebuilding from the lines, not adding an import's rows, makes it idempotent: a crash
/// midway runs it again to the same result. Obsolete versions met on the way are deleted.
/// </summary>
public sealed class SalesHistoryProjection(StorageClients storage, ImportStore imports, RevenueStore revenue, IOptions<PortfolioOptions> portfolio)
{
    private readonly TableClient _lines = storage.Table(StorageLayout.SalesLinesTable);
    private readonly TableClient _history = storage.Table(StorageLayout.SalesHistoryTable);

    /// <summary>Rebuilds every "{accountId}|{quarter}" of <paramref name="touched"/>.</summary>
    public async Task RebuildAsync(IReadOnlyList<string> touched, CancellationToken ct)
    {
        var (committed, discarded) = ImportSwitches.Of(await imports.AllAsync(ct));
        var rows = new System.Collections.Concurrent.ConcurrentBag<RevenueRow>();
        await Parallel.ForEachAsync(touched, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (key, token) =>
        {
            var cut = key.LastIndexOf('|');
            foreach (var row in await RebuildAsync(key[..cut], key[(cut + 1)..], committed, discarded, token))
            {
                rows.Add(row);
            }
        });
        await revenue.WriteAsync([.. rows], ct);
    }

    private async Task<IReadOnlyList<RevenueRow>> RebuildAsync(
        string accountId, string quarter, IReadOnlyDictionary<string, long> committed, IReadOnlySet<string> discarded, CancellationToken ct)
    {
        var versions = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey gt {quarter + "|"} and RowKey lt {quarter + "}"}");
        await foreach (var row in _lines.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            versions.Add(row);
        }

        var (counting, obsolete) = CountingVersions.Choose(versions, v => v.RowKey[..(v.RowKey.LastIndexOf('|'))], v => v.RowKey[(v.RowKey.LastIndexOf('|') + 1)..], committed, discarded);
        var lines = counting
            .GroupBy(v => (ProductLine: v.GetString("ProductLine"), BusinessUnit: v.GetString("BusinessUnit"), Currency: v.GetString("Currency")))
            .Select(g => new SalesHistoryLine(g.Key.ProductLine, g.Key.BusinessUnit, g.Key.Currency, g.Sum(v => Amount(v, "Quantity")), g.Sum(v => Amount(v, "NetValue")), g.Count()))
            .OrderBy(l => l.BusinessUnit, StringComparer.Ordinal).ThenBy(l => l.ProductLine, StringComparer.Ordinal).ThenBy(l => l.Currency, StringComparer.Ordinal)
            .ToList();

        var before = await ReadAsync(accountId, quarter, ct);
        await _history.UpsertEntityAsync(new TableEntity(accountId, quarter) { ["Json"] = JsonSerializer.Serialize(lines, ImportStore.Json) }, TableUpdateMode.Replace, ct);

        foreach (var chunk in obsolete.Chunk(100))
        {
            await _lines.SubmitTransactionAsync(chunk.Select(v => new TableTransactionAction(TableTransactionActionType.Delete, v, Azure.ETag.All)), ct);
        }

        // A business unit this quarter no longer sells in gets a zero, so an earlier figure does not linger.
        var options = portfolio.Value;
        var units = lines.Select(l => l.BusinessUnit).Concat(before.Select(l => l.BusinessUnit)).Distinct(StringComparer.Ordinal);
        return [.. units.Select(unit => new RevenueRow(accountId, unit, quarter,
            lines.Where(l => l.BusinessUnit == unit && options.Accepts(l.Currency)).Sum(l => options.ToReporting(l.NetValue, l.Currency)), options.ReportingCurrency))];
    }

    /// <summary>An account's history in one quarter (empty when nothing was imported for it).</summary>
    public async Task<IReadOnlyList<SalesHistoryLine>> ReadAsync(string accountId, string quarter, CancellationToken ct)
    {
        var row = await _history.GetEntityIfExistsAsync<TableEntity>(accountId, quarter, cancellationToken: ct);
        return row.HasValue ? JsonSerializer.Deserialize<List<SalesHistoryLine>>(row.Value!.GetString("Json"), ImportStore.Json)! : [];
    }

    /// <summary>An account's history over a range of quarters, one partition range query.</summary>
    public async Task<IReadOnlyList<(string Quarter, IReadOnlyList<SalesHistoryLine> Lines)>> ReadAsync(string accountId, string from, string to, CancellationToken ct)
    {
        var found = new List<(string, IReadOnlyList<SalesHistoryLine>)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {from} and RowKey le {to}");
        await foreach (var row in _history.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            found.Add((row.RowKey, JsonSerializer.Deserialize<List<SalesHistoryLine>>(row.GetString("Json"), ImportStore.Json)!));
        }

        return found;
    }

    private static decimal Amount(TableEntity row, string name) => decimal.Parse(row.GetString(name), NumberStyles.Number, CultureInfo.InvariantCulture);
}
