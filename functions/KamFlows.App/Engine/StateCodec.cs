using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using KamFlows.App.Storage;
using KamFlows.App.Work;

namespace KamFlows.App.Engine;

/// <summary>
/// Where a process state lives, by size. Small: a string property (at most 32K characters). Larger:
/// gzip, in up to <see cref="MaxChunks"/> binary properties of 64 KiB (an entity holds at most
/// 1 MiB). Larger still: a new blob, written before the transaction that points to it, so a
/// committed instance never points to a missing blob; the old blob is deleted after the commit.
/// </summary>
public sealed class StateCodec(StorageClients storage, DueTimers dueTimers, TimeProvider clock)
{
    public const int MaxStringChars = 30_000;
    public const int ChunkBytes = 64 * 1024;
    public const int MaxChunks = 12;
    private const string Text = "State";
    private const string Chunk = "StateZ";
    private const string ChunkCount = "StateChunks";
    private const string Blob = "StateBlob";

    private readonly BlobContainerClient _container = storage.Container(StorageLayout.SystemContainer);

    /// <summary>Puts <paramref name="json"/> on the entity; returns the blob written for it, if it took one.</summary>
    public async Task<string?> WriteAsync(TableEntity entity, string instanceId, long sequence, string? json, CancellationToken ct)
    {
        if (json is null)
        {
            return null;
        }

        if (json.Length <= MaxStringChars)
        {
            entity[Text] = json;
            return null;
        }

        var zipped = Compress(json);
        var chunks = (zipped.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks <= MaxChunks)
        {
            entity[ChunkCount] = chunks;
            for (var i = 0; i < chunks; i++)
            {
                entity[Chunk + i] = zipped.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, zipped.Length - (i * ChunkBytes))).ToArray();
            }

            return null;
        }

        // The tidy's wake-up first: if this blob ends up referenced by nothing (a crash before the
        // commit, a lost race), it is found and deleted later.
        await dueTimers.SetAsync(StateBlobTidy.For(instanceId), clock.GetUtcNow() + StateBlobTidy.After, ct);
        var name = $"{BlobPrefix(instanceId)}{sequence:D10}-{Guid.NewGuid():N}.json.gz";
        await _container.GetBlobClient(name).UploadAsync(new BinaryData(zipped), overwrite: true, ct);
        entity[Blob] = name;
        return name;
    }

    public async Task<string?> ReadAsync(TableEntity entity, CancellationToken ct)
    {
        if (entity.GetString(Text) is { } text)
        {
            return text;
        }

        if (entity.GetInt32(ChunkCount) is { } count)
        {
            using var all = new MemoryStream();
            for (var i = 0; i < count; i++)
            {
                all.Write(entity.GetBinary(Chunk + i));
            }

            return Decompress(all.ToArray());
        }

        if (entity.GetString(Blob) is { } name)
        {
            var content = await _container.GetBlobClient(name).DownloadContentAsync(ct);
            return Decompress(content.Value.Content.ToArray());
        }

        return null;
    }

    public static string? BlobOf(TableEntity entity) => entity.GetString(Blob);

    public static string BlobPrefix(string instanceId) => $"state/{instanceId}/";

    public async Task DeleteBlobAsync(string? name, CancellationToken ct)
    {
        if (name is not null)
        {
            await _container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct);
        }
    }

    private static byte[] Compress(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return output.ToArray();
    }

    private static string Decompress(byte[] zipped)
    {
        using var gzip = new GZipStream(new MemoryStream(zipped), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
