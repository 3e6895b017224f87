using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Storage;
using KamFlows.Domain.Receivables;

namespace KamFlows.App.Features.Receivables;

/// <summary>An open document of a key account as the imports leave it, with its follow-up process and the import whose version counts.</summary>
public sealed record OpenReceivableRow(string Key, ReceivableDocument Document, string BusinessUnit, string ImportId)
{
    public string ProcessId => ReceivableFollowUps.ProcessIdOf(Document.SourceId, Document.Document);
}

/// <summary>
/// Table <c>receivables</c>: per key account (partition) its open documents (<c>doc|{key}</c>), written
/// by <see cref="ReceivablesProjection"/> after the follow-ups were told, and its credit limit
/// (<c>credit-limit</c>, in the reporting currency).
/// </summary>
public sealed class ReceivablesStore(StorageClients storage)
{
    private const string DocumentPrefix = "doc|";
    private const string CreditLimitRow = "credit-limit";

    private readonly TableClient _table = storage.Table(StorageLayout.ReceivablesTable);

    public async Task<IReadOnlyList<OpenReceivableRow>> DocumentsAsync(string accountId, CancellationToken ct)
    {
        var rows = new List<OpenReceivableRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey gt {DocumentPrefix} and RowKey lt {"doc}"}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(Read(row));
        }

        return rows;
    }

    /// <summary>The accounts with an open document of <paramref name="sourceId"/>: what a full snapshot of that source may close.</summary>
    public async Task<IReadOnlyCollection<string>> AccountsWithDocumentsOfAsync(string sourceId, CancellationToken ct)
    {
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"SourceId eq {sourceId}"), select: ["PartitionKey"], cancellationToken: ct))
        {
            accounts.Add(row.PartitionKey);
        }

        return accounts;
    }

    /// <summary>Makes the account's open documents <paramref name="open"/>: writes the new and changed, deletes those gone.</summary>
    public async Task ReplaceAsync(string accountId, IReadOnlyList<OpenReceivableRow> before, IReadOnlyList<OpenReceivableRow> open, CancellationToken ct)
    {
        var keep = open.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var actions = before.Where(r => !keep.Contains(r.Key))
            .Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(accountId, DocumentPrefix + r.Key), ETag.All))
            .Concat(open.Except(before).Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Write(accountId, r))))
            .ToList();
        foreach (var chunk in actions.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk, ct);
        }
    }

    public async Task<decimal?> CreditLimitAsync(string accountId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, CreditLimitRow, cancellationToken: ct);
        return row.HasValue ? decimal.Parse(row.Value!.GetString("Amount"), NumberStyles.Number, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Sets the account's credit limit, or removes it (null).</summary>
    public async Task SetCreditLimitAsync(string accountId, decimal? amount, CancellationToken ct)
    {
        if (amount is { } value)
        {
            await _table.UpsertEntityAsync(new TableEntity(accountId, CreditLimitRow) { ["Amount"] = value.ToString(CultureInfo.InvariantCulture) }, TableUpdateMode.Replace, ct);
        }
        else
        {
            await _table.DeleteEntityAsync(accountId, CreditLimitRow, ETag.All, ct);
        }
    }

    private static TableEntity Write(string accountId, OpenReceivableRow r) =>
        ReceivableColumns.Write(new TableEntity(accountId, DocumentPrefix + r.Key) { ["ImportId"] = r.ImportId }, r.Document, r.BusinessUnit);

    private static OpenReceivableRow Read(TableEntity row)
    {
        var (document, unit) = ReceivableColumns.Read(row);
        return new OpenReceivableRow(row.RowKey[DocumentPrefix.Length..], document, unit, row.GetString("ImportId"));
    }
}
