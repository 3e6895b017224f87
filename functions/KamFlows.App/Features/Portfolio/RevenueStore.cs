using System.Globalization;
using System.Runtime.InteropServices;
using Azure.Data.Tables;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;

namespace KamFlows.App.Features.Portfolio;

/// <summary>Net revenue of one customer in one business unit and quarter. Negative when credit notes outweigh sales.</summary>
public sealed record RevenueRow(string AccountId, string BusinessUnit, string Quarter, decimal NetValue, string Currency);

/// <summary>
/// The revenue store the Pareto classification and the risk signals read: table <c>revenue</c>,
/// partition = quarter, row = "{accountId}|{businessUnit}", so a quarter of the whole portfolio is one
/// partition query and one account's quarter a range of it. The account id is a key account's id or
/// any other customer's reference: Pareto ranks all customers, the key-account share needs them all.
/// The ERP import fills it; a row written again replaces the earlier one.
/// </summary>
public sealed class RevenueStore(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(StorageLayout.RevenueTable);

    public async Task WriteAsync(IReadOnlyList<RevenueRow> rows, CancellationToken ct)
    {
        // One transaction per hundred rows of a quarter: a partition each, the most Azure takes.
        foreach (var quarter in rows.GroupBy(r => r.Quarter))
        {
            foreach (var chunk in quarter.DistinctBy(r => (r.AccountId, r.BusinessUnit)).Chunk(100))
            {
                await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToRow(r))), ct);
            }
        }
    }

    /// <summary>Every row of the quarters of <paramref name="range"/>, one query per quarter, all at once.</summary>
    public async Task<IReadOnlyList<RevenueRow>> ReadAsync(QuarterRange range, CancellationToken ct)
    {
        var quarters = await Task.WhenAll(range.Quarters().Select(q => QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {q.ToString()}"), ct)));
        return [.. quarters.SelectMany(q => q)];
    }

    /// <summary>One customer's rows over the quarters of <paramref name="range"/>.</summary>
    public async Task<IReadOnlyList<RevenueRow>> ReadAccountAsync(string accountId, QuarterRange range, CancellationToken ct)
    {
        var quarters = await Task.WhenAll(range.Quarters().Select(q =>
            QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {q.ToString()} and RowKey ge {accountId + "|"} and RowKey lt {accountId + "}"}"), ct)));
        return [.. quarters.SelectMany(q => q)];
    }

    private async Task<List<RevenueRow>> QueryAsync(string filter, CancellationToken ct)
    {
        var rows = new List<RevenueRow>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(new RevenueRow(
                row.GetString("AccountId"),
                row.GetString("BusinessUnit"),
                row.PartitionKey,
                decimal.Parse(row.GetString("NetValue"), NumberStyles.Number, CultureInfo.InvariantCulture),
                row.GetString("Currency")));
        }

        return rows;
    }

    // Table Storage has no decimal: the exact value is kept as invariant text.
    private static TableEntity ToRow(RevenueRow r) => new(r.Quarter, $"{r.AccountId}|{r.BusinessUnit}")
    {
        ["AccountId"] = r.AccountId,
        ["BusinessUnit"] = r.BusinessUnit,
        ["NetValue"] = r.NetValue.ToString(CultureInfo.InvariantCulture),
        ["Currency"] = r.Currency,
    };
}

/// <summary>Revenue rows turned into the series the portfolio rules take, in the reporting currency.</summary>
public static class RevenueSeries
{
    /// <summary>Per customer, all business units summed.</summary>
    public static IReadOnlyList<AccountRevenue> ByAccount(IEnumerable<RevenueRow> rows, QuarterRange range, PortfolioOptions options) =>
        Collect(rows, range, options, r => r.AccountId);

    /// <summary>Per business unit, per customer within it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<AccountRevenue>> ByBusinessUnit(IEnumerable<RevenueRow> rows, QuarterRange range, PortfolioOptions options) =>
        rows.GroupBy(r => r.BusinessUnit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Collect(g, range, options, r => r.AccountId), StringComparer.Ordinal);

    private static IReadOnlyList<AccountRevenue> Collect(IEnumerable<RevenueRow> rows, QuarterRange range, PortfolioOptions options, Func<RevenueRow, string> key)
    {
        var series = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        // A range has a few quarters and a portfolio many rows: each quarter's text is parsed once,
        // and the rows of one currency come together, so its rate is looked up when it changes.
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        string? currency = null;
        var accepted = false;
        foreach (var row in rows)
        {
            if (!positions.TryGetValue(row.Quarter, out var t))
            {
                t = Quarter.TryParse(row.Quarter, out var q) ? range.IndexOf(q) : -1;
                positions[row.Quarter] = t;
            }

            if (row.Currency != currency)
            {
                currency = row.Currency;
                accepted = options.Accepts(currency);
            }

            if (t < 0 || !accepted)
            {
                continue;
            }

            ref var values = ref CollectionsMarshal.GetValueRefOrAddDefault(series, key(row), out _);
            values ??= new decimal[range.Count];
            values[t] += options.ToReporting(row.NetValue, currency);
        }

        return [.. series.Select(s => new AccountRevenue(s.Key, s.Value))];
    }
}
