using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Storage;
using KamFlows.Domain.Plans;

namespace KamFlows.App.Features.Plans;

/// <summary>A task request as stored in the outbox, with whether it has been turned into a task since it last changed.</summary>
public sealed record StoredTaskRequest(TaskRequest Request, bool Delivered, DateTimeOffset UpdatedAt);

/// <summary>
/// The task requests of account plans, waiting to become tasks: table <c>plantasks</c>, partition =
/// account id, row = the request's key (see <see cref="TaskRequest"/>). The plan decides which tasks
/// must exist (<see cref="PlanActionTasks"/>, <see cref="StagePlaybook"/>); the tasks feature turns
/// these rows into tasks in the assignee's list, one task per key, and sets <c>Delivered</c> (with
/// If-Match) once it has. Every change of a request sets <c>Delivered</c> back to false. Rows
/// with <c>Status</c> Withdrawn ask for the task to be cancelled; Done, for it to be closed.
/// <para>
/// The plan's own requests are synced as a whole from each saved draft. The row <c>~sync</c> holds
/// the draft revision last synced; every sync updates it with If-Match in the same transaction as its
/// rows, so two syncs never interleave and an older draft never overwrites a newer one.
/// </para>
/// </summary>
public sealed class PlanTaskOutbox(StorageClients storage, TimeProvider clock)
{
    private const string SyncRow = "~sync";
    private const string PlanSource = "plan";
    private const string StageSource = "stage";
    private const int Attempts = 5;
    private readonly TableClient _table = storage.Table(StorageLayout.PlanTasksTable);

    /// <summary>Brings the plan's requests in line with the draft of <paramref name="revision"/>; an older revision changes nothing.</summary>
    public async Task SyncPlanAsync(string accountId, int revision, IReadOnlyList<TaskRequest> desired, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (rows, sync) = await ReadAsync(accountId, ct);
            if (sync is not null && (sync.GetInt32("Revision") ?? 0) >= revision)
            {
                return;
            }

            var now = clock.GetUtcNow();
            var wanted = desired.ToDictionary(r => r.Key, StringComparer.Ordinal);
            var changes = new List<TableEntity>();
            foreach (var request in desired)
            {
                if (!rows.TryGetValue(request.Key, out var existing) || ToRequest(existing) != request)
                {
                    changes.Add(ToRow(request, PlanSource, now));
                }
            }

            foreach (var (key, row) in rows)
            {
                if (row.GetString("Source") == PlanSource && !wanted.ContainsKey(key) && ToRequest(row) is { Status: not PlanTaskStatus.Withdrawn } gone)
                {
                    changes.Add(ToRow(gone with { Status = PlanTaskStatus.Withdrawn }, PlanSource, now));
                }
            }

            try
            {
                await CommitAsync(accountId, sync, revision, changes, ct);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                // Another sync went first: read again; if it was a newer draft, there is nothing left to do.
            }
        }
    }

    /// <summary>Adds the requests of a stage move; a request already there (a retried move) stays as it is.</summary>
    public async Task AddStageRequestsAsync(IReadOnlyList<TaskRequest> requests, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var request in requests)
        {
            try
            {
                await _table.AddEntityAsync(ToRow(request, StageSource, now), ct);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Written by an earlier attempt of the same move.
            }
        }
    }

    /// <summary>Every request of an account, plan and stage alike, by key.</summary>
    public async Task<IReadOnlyList<StoredTaskRequest>> ListAsync(string accountId, CancellationToken ct)
    {
        var (rows, _) = await ReadAsync(accountId, ct);
        return [.. rows.Values.OrderBy(r => r.RowKey, StringComparer.Ordinal)
            .Select(r => new StoredTaskRequest(ToRequest(r), r.GetBoolean("Delivered") ?? false, r.GetDateTimeOffset("UpdatedAt") ?? default))];
    }

    /// <summary>The account's requests not turned into tasks since they last changed, each with the ETag to mark it delivered at.</summary>
    public async Task<IReadOnlyList<(TaskRequest Request, ETag ETag)>> UndeliveredAsync(string accountId, CancellationToken ct)
    {
        var (rows, _) = await ReadAsync(accountId, ct);
        return [.. rows.Values.Where(r => r.GetBoolean("Delivered") != true).OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => (ToRequest(r), r.ETag))];
    }

    /// <summary>Marks a request delivered if it is still as it was read; a request changed meanwhile stays undelivered (delivered again next time).</summary>
    public async Task MarkDeliveredAsync(string accountId, string key, ETag etag, CancellationToken ct)
    {
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(accountId, key) { ["Delivered"] = true }, etag, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // changed since it was read: its next delivery takes the change
        }
    }

    private async Task<(Dictionary<string, TableEntity> Rows, TableEntity? Sync)> ReadAsync(string accountId, CancellationToken ct)
    {
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        TableEntity? sync = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {accountId}"), cancellationToken: ct))
        {
            if (row.RowKey == SyncRow)
            {
                sync = row;
            }
            else
            {
                rows[row.RowKey] = row;
            }
        }

        return (rows, sync);
    }

    /// <summary>
    /// The changed rows in transactions of at most 100 operations, each also updating the sync row with
    /// If-Match. Only the last one records the new revision: a sync interrupted between transactions
    /// is done again from the start by the next attempt.
    /// </summary>
    private async Task CommitAsync(string accountId, TableEntity? sync, int revision, List<TableEntity> changes, CancellationToken ct)
    {
        var etag = sync?.ETag;
        var previous = sync?.GetInt32("Revision") ?? 0;
        var offset = 0;
        do
        {
            var batch = changes.Skip(offset).Take(99).Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)).ToList();
            offset += 99;
            var mark = new TableEntity(accountId, SyncRow) { ["Revision"] = offset >= changes.Count ? revision : previous };
            batch.Add(etag is { } match ? new(TableTransactionActionType.UpdateReplace, mark, match) : new(TableTransactionActionType.Add, mark));
            var answer = await _table.SubmitTransactionAsync(batch, ct);
            etag = answer.Value[^1].Headers.ETag;
        }
        while (offset < changes.Count);
    }

    private static TableEntity ToRow(TaskRequest r, string source, DateTimeOffset now) => new(r.AccountId, r.Key)
    {
        ["Kind"] = r.Kind.ToString(),
        ["AssigneeUserId"] = r.AssigneeUserId,
        ["Due"] = r.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Title"] = r.Title,
        ["Status"] = r.Status.ToString(),
        ["Origin"] = r.Origin,
        ["Source"] = source,
        ["Delivered"] = false,
        ["UpdatedAt"] = now,
    };

    private static TaskRequest ToRequest(TableEntity row) => new(
        row.RowKey,
        Enum.Parse<PlanTaskKind>(row.GetString("Kind")),
        row.PartitionKey,
        row.GetString("AssigneeUserId"),
        DateOnly.ParseExact(row.GetString("Due"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.GetString("Title"),
        Enum.Parse<PlanTaskStatus>(row.GetString("Status")),
        row.GetString("Origin"));
}
