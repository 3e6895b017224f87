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

    /// <summary>Sets (or moves) the wake-up of <paramref name="item"/>. Pass where it was, if anywhere, so the old row goes.</summary>
    public async Task SetAsync(WorkItem item, DateTimeOffset dueAt, DateTimeOffset? previousDueAt, CancellationToken ct)
    {
        // New row first, then the old one: a crash in between leaves two rows (fires twice), never none.
        await _table.UpsertEntityAsync(Row(item, dueAt), TableUpdateMode.Replace, ct);
        if (previousDueAt is { } previous && Bucket(previous) != Bucket(dueAt))
        {
            await ClearAsync(item, previous, ct);
        }
    }

    public async Task ClearAsync(WorkItem item, DateTimeOffset dueAt, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(Bucket(dueAt), RowKey(item), ETag.All, ct);
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

            await _queue.SendAsync(new WorkItem(row.GetString("Kind"), row.GetString("ItemId"), dueAt), cancellationToken: ct);
            fired++;
        }

        return fired;
    }

    /// <summary>Two due times share a row when they fall in the same minute: clearing one would clear the other.</summary>
    public static bool SameRow(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && b is { } y && Bucket(x) == Bucket(y);

    public static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);

    private static string RowKey(WorkItem item) => $"{item.Kind}|{item.Id}";

    private static TableEntity Row(WorkItem item, DateTimeOffset dueAt) => new(Bucket(dueAt), RowKey(item))
    {
        ["Kind"] = item.Kind,
        ["ItemId"] = item.Id,
        ["DueAt"] = dueAt.ToUniversalTime(),
    };
}
