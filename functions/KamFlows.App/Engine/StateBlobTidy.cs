using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using KamFlows.App.Storage;
using KamFlows.App.Work;

namespace KamFlows.App.Engine;

/// <summary>
/// Deletes state blobs no instance points to. A blob is written before the commit that points to it
/// and the replaced one deleted after, so a crash (or a lost commit race) can leave one behind. Every
/// transition that writes a blob first sets a wake-up for this tidy an hour later (a due-timer row,
/// so it survives the crash that orphans the blob); the tidy keeps the instance's current blob and
/// any blob young enough to belong to a transition still in flight.
/// </summary>
internal sealed partial class StateBlobTidy(
    StorageClients storage, InstanceStore store, DueTimers dueTimers, TimeProvider clock, ILogger<StateBlobTidy> logger) : IWorkItemHandler
{
    public const string WorkKind = "state-blobs";

    /// <summary>How long after writing a blob the tidy looks at it.</summary>
    public static readonly TimeSpan After = TimeSpan.FromHours(1);

    /// <summary>A blob younger than this may belong to a transition still on its way to the commit.</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromMinutes(10);

    private readonly BlobContainerClient _container = storage.Container(StorageLayout.SystemContainer);

    public string Kind => WorkKind;

    public static WorkItem For(string instanceId) => new(WorkKind, instanceId);

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var current = (await store.LoadAsync(item.Id, cancellationToken))?.StateBlob;
        var youngest = clock.GetUtcNow() - InFlight;
        var deleted = 0;
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, StateCodec.BlobPrefix(item.Id), cancellationToken))
        {
            if (blob.Name != current && blob.Properties.LastModified < youngest)
            {
                await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
                deleted++;
            }
        }

        if (deleted > 0)
        {
            LogDeleted(logger, deleted, item.Id);
        }

        if (item.FiredFrom is { } row)
        {
            await dueTimers.ClearAsync(row, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} orphaned state blobs of instance {InstanceId}")]
    private static partial void LogDeleted(ILogger logger, int count, string instanceId);
}
