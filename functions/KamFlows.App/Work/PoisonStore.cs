using Azure;
using Azure.Data.Tables;
using KamFlows.App.Http;
using KamFlows.App.Storage;

namespace KamFlows.App.Work;

/// <summary>A work message that failed five times, as kept for the operator.</summary>
public sealed record PoisonMessage(string Id, string Kind, string ItemId, string Raw, DateTimeOffset KeptAt, DateTimeOffset? ReplayedAt);

/// <summary>
/// Poison messages are kept, never dropped. The Functions host (or the local loop) moves a message
/// that failed five times to <c>&lt;queue&gt;-poison</c>; the sweep moves them on into this table,
/// where they can be listed, shown on their instance's status, and replayed.
/// </summary>
public sealed partial class PoisonStore(StorageClients storage, WorkQueue queue, TimeProvider clock, ILogger<PoisonStore> logger)
{
    private readonly TableClient _table = storage.Table(StorageLayout.PoisonTable);

    /// <summary>Moves what is in the poison queue into the table: copy first, then delete (a crash repeats a copy, loses none).</summary>
    public async Task<int> CollectAsync(CancellationToken ct)
    {
        var poison = storage.Queue(queue.Name + "-poison");
        var moved = 0;
        while (true)
        {
            var batch = (await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), ct)).Value;
            if (batch.Length == 0)
            {
                return moved;
            }

            foreach (var message in batch)
            {
                var raw = message.Body.ToString();
                WorkItem? item = null;
                try
                {
                    item = WorkItem.Parse(raw);
                }
                catch (Hosting.MalformedQueueMessageException)
                {
                    // kept as it came, under "malformed"
                }

                await _table.UpsertEntityAsync(new TableEntity(Partition(item?.Id), message.MessageId)
                {
                    ["Kind"] = item?.Kind ?? "malformed",
                    ["ItemId"] = item?.Id ?? "",
                    ["Raw"] = raw.Length > 30_000 ? raw[..30_000] : raw,
                    ["KeptAt"] = clock.GetUtcNow(),
                }, TableUpdateMode.Merge, ct);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                LogKept(logger, message.MessageId, item?.Kind ?? "malformed");
                moved++;
            }
        }
    }

    public Task<PagedList<PoisonMessage>> ListAsync(string? continuation, int pageSize, CancellationToken ct) =>
        Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(maxPerPage: pageSize, cancellationToken: ct), continuation, pageSize, ToMessage, ct);

    /// <summary>The poison messages of one instance (its status shows them).</summary>
    public async Task<IReadOnlyList<PoisonMessage>> ForAsync(string itemId, CancellationToken ct)
    {
        var found = new List<PoisonMessage>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(itemId)}"), cancellationToken: ct))
        {
            found.Add(ToMessage(row));
        }

        return found;
    }

    /// <summary>Messages not replayed yet: the number the alert watches.</summary>
    public async Task<long> CountAsync(CancellationToken ct)
    {
        long count = 0;
        // Table filters cannot ask for a missing property, so the replayed ones are skipped here.
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["ReplayedAt"], cancellationToken: ct))
        {
            count += row.GetDateTimeOffset("ReplayedAt") is null ? 1 : 0;
        }

        return count;
    }

    /// <summary>Sends the message's work item again. False when there is no such message or it cannot be read.</summary>
    public async Task<bool> ReplayAsync(string itemId, string messageId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(itemId), messageId, cancellationToken: ct);
        if (!row.HasValue || row.Value!.GetString("Kind") == "malformed")
        {
            return false;
        }

        await queue.SendAsync(new WorkItem(row.Value.GetString("Kind"), row.Value.GetString("ItemId")), cancellationToken: ct);
        row.Value["ReplayedAt"] = clock.GetUtcNow();
        await _table.UpdateEntityAsync(row.Value, ETag.All, TableUpdateMode.Merge, ct);
        return true;
    }

    private static string Partition(string? itemId) => string.IsNullOrEmpty(itemId) ? "malformed" : itemId;

    private static PoisonMessage ToMessage(TableEntity e) => new(
        e.RowKey, e.GetString("Kind"), e.GetString("ItemId"), e.GetString("Raw"), e.GetDateTimeOffset("KeptAt") ?? default, e.GetDateTimeOffset("ReplayedAt"));

    [LoggerMessage(Level = LogLevel.Error, Message = "Poison message {MessageId} of kind {Kind} kept in the poison store")]
    private static partial void LogKept(ILogger logger, string messageId, string kind);
}
