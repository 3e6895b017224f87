using Azure;
using Azure.Data.Tables;
using KamFlows.App.Http;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Accounts;

/// <summary>
/// Lists of accounts without a table scan: partition <c>team|{userId}</c> holds a row per account that
/// user owns or co-owns, partition <c>all</c> one per account (for heads of KAM, administrators and
/// directors: a department has hundreds of key accounts, one partition serves them). Row key =
/// account id; the owner and status are copied so the lists filter on the server.
/// <para>
/// The account record is written first and the index after it, outside any transaction (other
/// partitions). So an index row may be stale after a crash in between: every list checks each row
/// against the record, skips what no longer holds and repairs the row; the next write of the
/// account re-writes all of its rows.
/// </para>
/// </summary>
public sealed partial class TeamIndex(StorageClients storage, ILogger<TeamIndex> logger)
{
    private const string AllPartition = "all";
    private readonly TableClient _table = storage.Table(StorageLayout.AccountIndexTable);

    public async Task SyncAsync(Account? before, Account after, CancellationToken ct)
    {
        var work = after.Team().Append(null).Select(member => _table.UpsertEntityAsync(Row(member, after), TableUpdateMode.Replace, ct)).ToList<Task>();
        foreach (var gone in (before?.Team() ?? []).Except(after.Team()))
        {
            work.Add(RemoveAsync(gone, after.Id, ct));
        }

        await Task.WhenAll(work);
    }

    /// <summary>The ids of the active accounts a user works on, checked against the records.</summary>
    public async Task<IReadOnlyList<Account>> ActiveAccountsOfAsync(string userId, Func<string, Task<Account?>> load, CancellationToken ct)
    {
        var found = new List<Account>();
        string? token = null;
        do
        {
            var page = await ListAsync(userId, null, AccountStatus.Active, token, Paging.MaxPageSize, load, ct);
            found.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return found;
    }

    /// <summary>
    /// The ids of every account, from the index alone (one partition, no record read): for portfolio
    /// figures that only need to know which customers are key accounts. A row a crash left stale may
    /// name an account that no longer is one until the next list repairs it.
    /// </summary>
    public async Task<IReadOnlySet<string>> AllAccountIdsAsync(CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {AllPartition}"), select: ["RowKey"], cancellationToken: ct))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    public async Task<PagedList<Account>> ListAsync(
        string? memberUserId, string? owner, AccountStatus? status, string? continuation, int pageSize, Func<string, Task<Account?>> load, CancellationToken ct)
    {
        // An owner filter reads the owner's own partition: smaller than "all", and the same answer.
        var partitionMember = memberUserId ?? owner;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(partitionMember)}");
        if (owner is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"OwnerUserId eq {owner}");
        }

        if (status is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        var token = continuation;
        while (true)
        {
            var page = await Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: ct), token, pageSize, r => r, ct);
            var accounts = new List<Account>();
            var loaded = await Task.WhenAll(page.Items.Select(async row => (Row: row, Account: await load(row.RowKey))));
            foreach (var (row, account) in loaded)
            {
                if (await CheckAsync(row, partitionMember, account, ct) && (owner is null || account!.OwnerUserId == owner) && (status is null || account!.Status == status))
                {
                    accounts.Add(account!);
                }
            }

            // A page whose rows were all stale is not the end of the list.
            if (accounts.Count > 0 || page.ContinuationToken is null)
            {
                return new PagedList<Account>(accounts, page.ContinuationToken);
            }

            token = page.ContinuationToken;
        }
    }

    /// <summary>Whether the row still holds for the record; repairs it when not.</summary>
    private async Task<bool> CheckAsync(TableEntity row, string? member, Account? account, CancellationToken ct)
    {
        if (account is null || (member is not null && !account.IsInTeam(member)))
        {
            LogStaleRow(logger, row.PartitionKey, row.RowKey);
            await RemoveAsync(member, row.RowKey, ct);
            return false;
        }

        if (row.GetString("OwnerUserId") != account.OwnerUserId || row.GetString("Status") != account.Status.ToString())
        {
            LogStaleRow(logger, row.PartitionKey, row.RowKey);
            await _table.UpsertEntityAsync(Row(member, account), TableUpdateMode.Replace, ct);
        }

        return true;
    }

    private async Task RemoveAsync(string? member, string accountId, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(PartitionOf(member), accountId, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Removed already (by a concurrent update or repair).
        }
    }

    private static string PartitionOf(string? member) => member is null ? AllPartition : "team|" + member;

    private static TableEntity Row(string? member, Account account) => new(PartitionOf(member), account.Id)
    {
        ["OwnerUserId"] = account.OwnerUserId,
        ["Status"] = account.Status.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stale account index row {Partition}/{AccountId} repaired")]
    private static partial void LogStaleRow(ILogger logger, string partition, string accountId);
}
