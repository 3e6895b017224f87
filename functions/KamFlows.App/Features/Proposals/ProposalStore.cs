using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.Proposals;

/// <summary>Proposal records in the proposals table: partition = account id, row = proposal id, so erasure finds an account's in one query.</summary>
public sealed class ProposalStore(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(StorageLayout.ProposalsTable);

    /// <summary>Adds the record; false when one with this id is there already (a retry, or a concurrent twin).</summary>
    public async Task<bool> TryAddAsync(ProposalRecord record, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(ToRow(record), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<ProposalRecord?> FindAsync(string accountId, string id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, id, cancellationToken: ct);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    public async IAsyncEnumerable<ProposalRecord> OfAccountAsync(string accountId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {accountId}"), cancellationToken: ct))
        {
            yield return ToRecord(row);
        }
    }

    /// <summary>Replaces the free text of a record (erasure); the rest stays.</summary>
    public Task RewriteTextAsync(ProposalRecord record, CancellationToken ct) =>
        _table.UpdateEntityAsync(new TableEntity(record.AccountId, record.Id) { ["Title"] = record.Title, ["Message"] = record.Message }, ETag.All, TableUpdateMode.Merge, ct);

    private static TableEntity ToRow(ProposalRecord r) => new(r.AccountId, r.Id)
    {
        ["KamUserId"] = r.KamUserId,
        ["Title"] = r.Title,
        ["Message"] = r.Message,
        ["ContactIds"] = JsonSerializer.Serialize(r.ContactIds),
        ["Value"] = r.Value.ToString(CultureInfo.InvariantCulture),
        ["Currency"] = r.Currency,
        ["DiscountPercent"] = r.DiscountPercent.ToString(CultureInfo.InvariantCulture),
        ["ValidUntil"] = r.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["DocumentId"] = r.DocumentId,
        ["RequestHash"] = r.RequestHash,
        ["SubmittedAt"] = r.SubmittedAt,
    };

    private static ProposalRecord ToRecord(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        e.GetString("KamUserId"),
        e.GetString("Title"),
        e.GetString("Message"),
        JsonSerializer.Deserialize<List<string>>(e.GetString("ContactIds") ?? "[]") ?? [],
        decimal.Parse(e.GetString("Value"), CultureInfo.InvariantCulture),
        e.GetString("Currency"),
        decimal.Parse(e.GetString("DiscountPercent"), CultureInfo.InvariantCulture),
        DateOnly.ParseExact(e.GetString("ValidUntil"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetString("DocumentId"),
        e.GetString("RequestHash"),
        e.GetDateTimeOffset("SubmittedAt") ?? default);
}
