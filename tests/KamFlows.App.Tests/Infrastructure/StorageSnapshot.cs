using System.Text;
using Azure.Data.Tables;
using KamFlows.App.Storage;

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>
/// Everything one test app has stored (its prefix's tables, containers and queues) as comparable
/// lines, so a test can prove that a refused request changed nothing.
/// </summary>
internal static class StorageSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(StorageClients storage, CancellationToken ct)
    {
        var lines = new List<string>();
        var prefix = storage.Prefix;
        await foreach (var table in storage.Tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0, cancellationToken: ct))
        {
            await foreach (var row in storage.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: ct))
            {
                var props = row.Keys.Where(k => k is not "odata.etag" and not "Timestamp").Order().Select(k => $"{k}={Format(row[k])}");
                lines.Add($"table {table.Name} {row.PartitionKey}/{row.RowKey} {row.ETag} {string.Join(";", props)}");
            }
        }

        await foreach (var container in storage.Blobs.GetBlobContainersAsync(prefix: prefix, cancellationToken: ct))
        {
            await foreach (var blob in storage.Blobs.GetBlobContainerClient(container.Name).GetBlobsAsync(cancellationToken: ct))
            {
                lines.Add($"blob {container.Name}/{blob.Name} {blob.Properties.ETag} {blob.Properties.ContentLength}");
            }
        }

        await foreach (var queue in storage.Queues.GetQueuesAsync(prefix: prefix, cancellationToken: ct))
        {
            var peeked = (await storage.Queues.GetQueueClient(queue.Name).PeekMessagesAsync(32, ct)).Value;
            lines.AddRange(peeked.Select(m => $"queue {queue.Name} {m.MessageId} {m.Body}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Format(object? value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTimeOffset t => t.ToString("O"),
        null => "null",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
