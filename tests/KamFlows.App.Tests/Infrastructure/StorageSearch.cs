using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>Searches all of an app's storage for a text: what erasure tests use to prove nothing of a person is left.</summary>
internal static class StorageSearch
{
    /// <summary>Every entity of every table and every blob (gunzipped when gzip) of an app's storage (its prefix) that holds <paramref name="needle"/>.</summary>
    public static async Task<List<string>> HitsAsync(KamFlowsApp app, string needle)
    {
        var hits = new List<string>();
        var storage = app.Storage;
        await foreach (var table in storage.Tables.QueryAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            if (!table.Name.StartsWith(app.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in storage.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
            {
                var text = string.Join("\n", row.Select(p => p.Value switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    BinaryData data => data.ToString(),
                    _ => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture),
                }).Append(row.PartitionKey).Append(row.RowKey));
                if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}");
                }
            }
        }

        await foreach (var container in storage.Blobs.GetBlobContainersAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            if (!container.Name.StartsWith(app.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var client = storage.Blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
            {
                var bytes = (await client.GetBlobClient(blob.Name).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray();
                var text = Encoding.UTF8.GetString(bytes) + blob.Name;
                // Large process state and rendered versions are stored gzip-compressed by other features.
                if (bytes is [0x1f, 0x8b, ..])
                {
                    using var unzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                    using var reader = new StreamReader(unzip);
                    text += await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
                }

                if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add($"{container.Name}/{blob.Name}");
                }
            }
        }

        return hits;
    }
}
