using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.Tasks;

/// <summary>
/// Tasks in the tasks table, in their assignee's partition (<c>user|{id}</c>), so "my tasks" is one
/// partition query: an open task's row key starts with its due instant (<c>open|{ticks}|{id}</c>),
/// so overdue, today and upcoming are key ranges, in due order; a completed task becomes
/// <c>done|{id}</c> in the same transaction that removes its open row.
/// <para>
/// A location row (<c>task|{id}</c>, row <c>where</c>) says whose partition a task is in. Moving a
/// task to another assignee crosses partitions, so it goes in steps that can be finished by whoever
/// comes next: the location first names the new assignee and where the task comes from, then the
/// row is copied, then removed at the old assignee (only if unchanged: a completion that came first
/// wins and the move is undone), then the location forgets where it came from.
/// </para>
/// </summary>
public sealed class TaskStore(StorageClients storage)
{
    private const string LocationRow = "where";
    private readonly TableClient _table = storage.Table(StorageLayout.TasksTable);

    /// <summary>Whose partition a task is in and, while it moves, whose it comes from.</summary>
    public sealed record Location(string TaskId, string AssigneeUserId, long DueTicks, string? MovingFromUserId, ETag ETag);

    public async Task<Location?> LocateAsync(string id, CancellationToken ct)
    {
        if (!TaskIds.IsWellFormed(id))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(LocationPartition(id), LocationRow, cancellationToken: ct);
        return row.HasValue ? ToLocation(row.Value!) : null;
    }

    /// <summary>The task where its location says, or where it is moving from.</summary>
    public async Task<Versioned<WorkTask>?> FindAsync(string id, CancellationToken ct) =>
        await LocateAsync(id, ct) is { } where ? await FindAsync(where, ct) : null;

    public async Task<Versioned<WorkTask>?> FindAsync(Location where, CancellationToken ct) =>
        await ReadAsync(where.AssigneeUserId, where.TaskId, where.DueTicks, ct)
        ?? (where.MovingFromUserId is { } from ? await ReadAsync(from, where.TaskId, where.DueTicks, ct) : null);

    /// <summary>Stores a new task; false when it exists already (the effect that creates it ran before).</summary>
    public async Task<bool> CreateAsync(WorkTask task, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(LocationPartition(task.Id), LocationRow)
            {
                ["AssigneeUserId"] = task.AssigneeUserId,
                ["DueTicks"] = task.DueAt.UtcTicks,
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var where = (await LocateAsync(task.Id, ct))!;
            if (await FindAsync(where, ct) is not null)
            {
                return false;
            }

            // The location was written and the task not (a crash in between): put it where the location says.
            task = task with { AssigneeUserId = where.AssigneeUserId };
        }

        try
        {
            await _table.AddEntityAsync(ToRow(task), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }

        return true;
    }

    /// <summary>Open becomes done in one transaction; <see cref="ConcurrencyConflictException"/> when the open row changed or went.</summary>
    public async Task CompleteAsync(Versioned<WorkTask> open, WorkTask done, CancellationToken ct)
    {
        try
        {
            await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Delete, ToRow(open.Value), open.ETag),
                new TableTransactionAction(TableTransactionActionType.Add, ToRow(done)),
            ], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            throw new ConcurrencyConflictException();
        }
    }

    /// <summary>
    /// Changes an open task's title or due time. The due time is part of the row key, so a new due time
    /// replaces the row in one transaction of the assignee's partition; the location follows after.
    /// Until it has (a crash in between), reading finds the row by its id. <see cref="ConcurrencyConflictException"/>
    /// when the open row changed or went meanwhile.
    /// </summary>
    public async Task ReviseAsync(Location where, Versioned<WorkTask> open, WorkTask revised, CancellationToken ct)
    {
        try
        {
            if (open.Value.DueAt.UtcTicks == revised.DueAt.UtcTicks)
            {
                await _table.UpdateEntityAsync(ToRow(revised), open.ETag, TableUpdateMode.Replace, ct);
            }
            else
            {
                await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Delete, ToRow(open.Value), open.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, ToRow(revised)),
                ], ct);
            }
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            throw new ConcurrencyConflictException();
        }

        await PointAtAsync(where, revised.DueAt.UtcTicks, ct);
    }

    /// <summary>Makes the location name the due time the open row has (after a revision, or one a crash left half done).</summary>
    public async Task PointAtAsync(Location where, long dueTicks, CancellationToken ct)
    {
        if (where.DueTicks == dueTicks)
        {
            return;
        }

        try
        {
            await _table.UpdateEntityAsync(new TableEntity(LocationPartition(where.TaskId), LocationRow)
            {
                ["AssigneeUserId"] = where.AssigneeUserId,
                ["DueTicks"] = dueTicks,
                ["MovingFromUserId"] = where.MovingFromUserId,
            }, where.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // changed meanwhile (moved, revised again): whoever changed it wrote where it is
        }
    }

    public Task MarkProcessToldAsync(WorkTask done, CancellationToken ct) =>
        _table.UpdateEntityAsync(new TableEntity(UserPartition(done.AssigneeUserId), RowKey(done)) { ["ProcessTold"] = true }, ETag.All, TableUpdateMode.Merge, ct);

    /// <summary>The first step of a move: the location names the new assignee and where the task comes from.</summary>
    public async Task<Location> BeginMoveAsync(Location where, string toUserId, CancellationToken ct)
    {
        var row = new TableEntity(LocationPartition(where.TaskId), LocationRow)
        {
            ["AssigneeUserId"] = toUserId,
            ["DueTicks"] = where.DueTicks,
            ["MovingFromUserId"] = where.AssigneeUserId,
        };
        try
        {
            var answer = await _table.UpdateEntityAsync(row, where.ETag, TableUpdateMode.Replace, ct);
            return where with { AssigneeUserId = toUserId, MovingFromUserId = where.AssigneeUserId, ETag = answer.Headers.ETag!.Value };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            throw new ConcurrencyConflictException();
        }
    }

    /// <summary>
    /// Finishes a move begun by <see cref="BeginMoveAsync"/> (idempotent: any number of callers may
    /// finish the same move). Returns false when the task was completed at the old assignee before
    /// it could move: then the move is undone.
    /// </summary>
    public async Task<bool> FinishMoveAsync(Location where, string newTimeZone, CancellationToken ct)
    {
        if (where.MovingFromUserId is not { } from)
        {
            return true;
        }

        var to = where.AssigneeUserId;
        while (true)
        {
            var source = await ReadAsync(from, where.TaskId, where.DueTicks, ct);
            if (source is { Value.IsOpen: true })
            {
                var moved = source.Value with { AssigneeUserId = to, TimeZone = newTimeZone };
                await _table.UpsertEntityAsync(ToRow(moved), TableUpdateMode.Replace, ct);
                try
                {
                    await _table.DeleteEntityAsync(UserPartition(from), RowKey(source.Value), source.ETag, ct);
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    continue; // completed or moved meanwhile: look again
                }
            }
            else if (source is { Value.IsOpen: false })
            {
                // Completed where it was before it could move: the move is void.
                await DeleteIfThereAsync(to, OpenRowKey(where.DueTicks, where.TaskId), ct);
                await SettleAsync(where, from, ct);
                return false;
            }

            break;
        }

        await SettleAsync(where, to, ct);
        return true;
    }

    /// <summary>The last step of a move: the location names one assignee again (unless someone else settled it, or began another move, first).</summary>
    private async Task SettleAsync(Location where, string assigneeUserId, CancellationToken ct)
    {
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(LocationPartition(where.TaskId), LocationRow)
            {
                ["AssigneeUserId"] = assigneeUserId,
                ["DueTicks"] = where.DueTicks,
            }, where.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // settled by another caller, or moved on since
        }
    }

    /// <summary>A page of a user's open tasks due in [<paramref name="from"/>, <paramref name="to"/>), earliest first.</summary>
    public Task<PagedList<WorkTask>> ListOpenAsync(string userId, DateTimeOffset? from, DateTimeOffset? to, string? continuation, int pageSize, CancellationToken ct)
    {
        var low = from is { } f ? OpenPrefix + Ticks(f.UtcTicks) : OpenPrefix;
        var high = to is { } t ? OpenPrefix + Ticks(t.UtcTicks) : OpenUpperBound;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UserPartition(userId)} and RowKey ge {low} and RowKey lt {high}");
        return Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: ct), continuation, pageSize, ToTask, ct);
    }

    /// <summary>Every open task of one account that a user holds (at most a few dozen: one partition, filtered on the server).</summary>
    public async Task<IReadOnlyList<WorkTask>> OpenOfAccountAsync(string userId, string accountId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {UserPartition(userId)} and RowKey ge {OpenPrefix} and RowKey lt {OpenUpperBound} and AccountId eq {accountId}");
        var found = new List<WorkTask>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            found.Add(ToTask(row));
        }

        return found;
    }

    private async Task<Versioned<WorkTask>?> ReadAsync(string userId, string id, long dueTicks, CancellationToken ct)
    {
        var open = await _table.GetEntityIfExistsAsync<TableEntity>(UserPartition(userId), OpenRowKey(dueTicks, id), cancellationToken: ct);
        if (open.HasValue)
        {
            return new Versioned<WorkTask>(ToTask(open.Value!), open.Value!.ETag);
        }

        var done = await _table.GetEntityIfExistsAsync<TableEntity>(UserPartition(userId), DoneRowKey(id), cancellationToken: ct);
        if (done.HasValue)
        {
            return new Versioned<WorkTask>(ToTask(done.Value!), done.Value!.ETag);
        }

        // A revision moved the open row to a new due time and the location does not say so yet
        // (a crash in between): find it among the assignee's open rows by its id.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UserPartition(userId)} and RowKey ge {OpenPrefix} and RowKey lt {OpenUpperBound} and TaskId eq {id}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            return new Versioned<WorkTask>(ToTask(row), row.ETag);
        }

        return null;
    }

    private async Task DeleteIfThereAsync(string userId, string rowKey, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(UserPartition(userId), rowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // gone already
        }
    }

    private const string OpenPrefix = "open|";
    private const string OpenUpperBound = "open}"; // '}' follows '|': every open row sorts below it

    private static string UserPartition(string userId) => "user|" + userId;

    private static string LocationPartition(string taskId) => "task|" + taskId;

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);

    private static string OpenRowKey(long dueTicks, string id) => $"{OpenPrefix}{Ticks(dueTicks)}|{id}";

    private static string DoneRowKey(string id) => "done|" + id;

    private static string RowKey(WorkTask t) => t.IsOpen ? OpenRowKey(t.DueAt.UtcTicks, t.Id) : DoneRowKey(t.Id);

    private static Location ToLocation(TableEntity row) => new(
        row.PartitionKey["task|".Length..],
        row.GetString("AssigneeUserId"),
        row.GetInt64("DueTicks") ?? 0,
        row.GetString("MovingFromUserId") is { Length: > 0 } from ? from : null,
        row.ETag);

    private static TableEntity ToRow(WorkTask t) => new(UserPartition(t.AssigneeUserId), RowKey(t))
    {
        ["TaskId"] = t.Id,
        ["Kind"] = t.Kind,
        ["AccountId"] = t.AccountId,
        ["ProcessId"] = t.ProcessId,
        ["CompletionEvent"] = t.CompletionEvent,
        ["Outcomes"] = JsonSerializer.Serialize(t.Outcomes),
        ["AssigneeUserId"] = t.AssigneeUserId,
        ["DueAt"] = t.DueAt.ToUniversalTime(),
        ["TimeZone"] = t.TimeZone,
        ["Status"] = t.Status.ToString(),
        ["Outcome"] = t.Outcome,
        ["CompletedByUserId"] = t.CompletedByUserId,
        ["CompletedAt"] = t.CompletedAt?.ToUniversalTime(),
        ["ProcessTold"] = t.ProcessTold,
        ["CreatedAt"] = t.CreatedAt.ToUniversalTime(),
        ["Title"] = t.Title,
        ["SourceKey"] = t.SourceKey,
    };

    private static WorkTask ToTask(TableEntity row) => new(
        row.GetString("TaskId"),
        row.GetString("Kind"),
        row.GetString("AccountId"),
        row.GetString("ProcessId"),
        row.GetString("CompletionEvent"),
        JsonSerializer.Deserialize<List<string>>(row.GetString("Outcomes")) ?? [],
        row.GetString("AssigneeUserId"),
        row.GetDateTimeOffset("DueAt") ?? default,
        row.GetString("TimeZone"),
        Enum.Parse<WorkTaskStatus>(row.GetString("Status")),
        row.GetString("Outcome"),
        row.GetString("CompletedByUserId"),
        row.GetDateTimeOffset("CompletedAt"),
        row.GetBoolean("ProcessTold") ?? false,
        row.GetDateTimeOffset("CreatedAt") ?? default,
        row.GetString("Title"),
        row.GetString("SourceKey"));
}
