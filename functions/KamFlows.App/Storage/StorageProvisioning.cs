using KamFlows.App.Hosting;

namespace KamFlows.App.Storage;

/// <summary>Creates the tables, queues and containers of <see cref="StorageLayout"/> before the app takes requests.</summary>
internal sealed partial class StorageProvisioning(StorageClients storage, FunctionManifest manifest, ILogger<StorageProvisioning> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        work.AddRange(StorageLayout.Tables.Select(t => storage.Table(t).CreateIfNotExistsAsync(cancellationToken)));
        work.AddRange(StorageLayout.Containers.Select(c => storage.Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        foreach (var queue in manifest.QueueNames())
        {
            work.Add(storage.Queue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
            work.Add(storage.Queue(queue + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        }

        await Task.WhenAll(work);
        LogProvisioned(logger, work.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Count} tables, queues and containers checked")]
    private static partial void LogProvisioned(ILogger logger, int count);
}
