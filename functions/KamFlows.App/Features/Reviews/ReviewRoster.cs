using Azure.Data.Tables;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Reviews;

/// <summary>One review of the quarter's roster: the account and the id of its review instance.</summary>
public sealed record RosterEntry(string AccountId, string InstanceId);

/// <summary>
/// Which accounts have a review in a quarter: table <c>reviews</c>, partition = the quarter, one row
/// per account with the review's instance id. Written before the review is started (a crash in
/// between leaves a row whose instance the resumed fan-out starts), read by the quarter's overview.
/// </summary>
public sealed class ReviewRoster(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(StorageLayout.ReviewsTable);

    public Task AddAsync(Quarter quarter, string accountId, string instanceId, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(quarter.ToString(), accountId) { ["InstanceId"] = instanceId }, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<RosterEntry>> ListAsync(Quarter quarter, CancellationToken ct)
    {
        var entries = new List<RosterEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {quarter.ToString()}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "InstanceId"], cancellationToken: ct))
        {
            entries.Add(new RosterEntry(row.RowKey, row.GetString("InstanceId")));
        }

        return entries;
    }
}
