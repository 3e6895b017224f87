using System.Diagnostics.Metrics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Storage;

namespace KamFlows.App.Work;

/// <summary>
/// The due-timer index: one row per pending wake-up, partitioned by the minute it is due, so the
/// sweep reads only the partitions at or before now. It backs every delayed queue message, so a lost
/// message or a wait longer than a queue message can live (seven days) never loses a wake-up.
/// </summary>
/// <remarks>
/// The sweep does not delete what it fires: it claims the row (stamps when it fired, with the row's
/// ETag, so of several sweeping instances one wins) and then sends the work item. The handler, once
/// its work is done, moves the row to its real next wake-up or clears it; a row still there a lease
/// after it fired is fired again. A crash anywhere in between therefore fires the work again later,
/// never loses it: handlers are idempotent, so a wake-up that fires twice is harmless.
/// </remarks>
public sealed class DueTimers
{
    /// <summary>How long a fired wake-up waits for its handler before the sweep fires it again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const string BucketFormat = "yyyyMMddHHmm";
    private readonly TableClient _table;
    private readonly WorkQueue _queue;
    private readonly Histogram<double> _lag;

    private readonly Engine.CrashInjection _crash;

    public DueTimers(StorageClients storage, WorkQueue queue, KamFlowsMetrics metrics, Engine.CrashInjection crash)
    {
        _crash = crash;
        _table = storage.Table(StorageLayout.DueTimersTable);
        _queue = queue;
        _lag = metrics.SweepLag;
    }

    /// <summary>
    /// Writes a new row for a wake-up of <paramref name="item"/> at <paramref name="dueAt"/> and says
    /// where it is. Every write makes a row of its own (its key ends in a fresh nonce), so clearing an
    /// old row can never remove a newer one written for the same instance in the same minute.
    /// </summary>
    public async Task<DueRow> SetAsync(WorkItem item, DateTimeOffset dueAt, CancellationToken ct)
    {
        var row = new DueRow(dueAt.ToUniversalTime(), $"{item.Kind}|{item.Id}|{Guid.NewGuid():N}");
        await _table.AddEntityAsync(Entity(item, row), ct);
        return row;
    }

    /// <summary>
    /// Sets the one wake-up of <paramref name="item"/> at exactly <paramref name="dueAt"/>: setting it
    /// again changes nothing (its key is the item and the time), so several callers asking for the same
    /// wake-up (reminders waiting for one digest) get one row, and one firing.
    /// </summary>
    public async Task<DueRow> SetOnceAsync(WorkItem item, DateTimeOffset dueAt, CancellationToken ct)
    {
        var row = new DueRow(dueAt.ToUniversalTime(), $"{item.Kind}|{item.Id}|{dueAt.UtcTicks}");
        await _table.UpsertEntityAsync(Entity(item, row), TableUpdateMode.Replace, ct);
        return row;
    }

    /// <summary>Moves a wake-up: the new row first, then the old one goes, so a crash in between fires twice, never not at all.</summary>
    public async Task<DueRow> MoveAsync(WorkItem item, DueRow? from, DateTimeOffset dueAt, CancellationToken ct)
    {
        var row = await SetAsync(item, dueAt, ct);
        if (from is { } old)
        {
            await ClearAsync(old, ct);
        }

        return row;
    }

    public async Task ClearAsync(DueRow row, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(Bucket(row.At), row.Key, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // already gone: clearing is idempotent
        }
    }

    /// <summary>Fires every wake-up due at or before <paramref name="now"/>. Returns how many fired.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Bucket(now)}");
        var fired = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var dueAt = row.GetDateTimeOffset("DueAt") ?? now;
            var firedAt = row.GetDateTimeOffset("FiredAt");
            if (dueAt > now || firedAt + Lease > now)
            {
                continue; // later in the current minute, or fired recently and its handler may still be at it
            }

            row["FiredAt"] = now;
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                continue; // another sweeper claimed it, or its handler finished meanwhile
            }

            if (firedAt is null)
            {
                _lag.Record((now - dueAt).TotalSeconds);
            }

            _crash.At(Engine.SavePoint.SweepClaimedBeforeSend);

            await _queue.SendAsync(new WorkItem(row.GetString("Kind"), row.GetString("ItemId"), dueAt, row.RowKey), cancellationToken: ct);
            fired++;
        }

        return fired;
    }

    private static TableEntity Entity(WorkItem item, DueRow row) => new(Bucket(row.At), row.Key)
    {
        ["Kind"] = item.Kind,
        ["ItemId"] = item.Id,
        ["DueAt"] = row.At,
    };

    public static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);
}

/// <summary>Where one row of the due-timer index is: the time it is due (hence its partition) and its key.</summary>
public sealed record DueRow(DateTimeOffset At, string Key);
