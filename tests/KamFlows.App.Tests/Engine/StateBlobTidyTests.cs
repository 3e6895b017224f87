using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using KamFlows.App.Engine;
using KamFlows.App.Storage;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Engine;

/// <summary>A state blob left behind by a crash between its upload and the commit is deleted an hour later; the current one stays.</summary>
public sealed class StateBlobTidyTests(Azurite azurite)
{
    [Fact]
    public async Task An_orphaned_state_blob_is_deleted_by_the_tidy_and_the_current_one_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new EngineApp(azurite);
        // Blob ages come from Azurite's real clock: start the app's clock at the real time.
        app.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        var id = await app.StartAsync(Guid.NewGuid().ToString("N"));
        var ballast = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2_000_000));
        await app.SendAsync(id, new PingPong.Grow(ballast));
        var container = app.Storage.Container(StorageLayout.SystemContainer);
        var orphan = $"{StateCodec.BlobPrefix(id)}0000000099-crashed.json.gz"; // what a crash before the commit leaves
        await container.GetBlobClient(orphan).UploadAsync(new BinaryData([1, 2, 3]), ct);
        var current = (await app.Store.LoadAsync(id, ct))!.StateBlob;

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.SweepAsync();
        await app.DeliverWorkAsync();
        Assert.Contains(orphan, await BlobsAsync(container, id, ct)); // not yet: the tidy comes an hour after the write

        app.Clock.Advance(StateBlobTidy.After);
        await app.SweepAsync();
        await app.DeliverWorkAsync();

        Assert.Equal([current!], await BlobsAsync(container, id, ct));
        Assert.Equal(ballast, (await app.StateAsync(id)).Ballast);
    }

    private static async Task<List<string>> BlobsAsync(BlobContainerClient container, string id, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, StateCodec.BlobPrefix(id), ct))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
