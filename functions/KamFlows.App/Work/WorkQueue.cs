using Azure.Storage.Queues;
using KamFlows.App.Hosting;
using KamFlows.App.Storage;

namespace KamFlows.App.Work;

/// <summary>Sends work items to the one work queue named by <c>WorkQueue/function.json</c>.</summary>
public sealed class WorkQueue(StorageClients storage, FunctionManifest manifest)
{
    /// <summary>Azure keeps a message invisible for at most seven days; longer waits are the due-timer index's job.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(6);

    private readonly QueueClient _queue = storage.Queue(manifest.Get(WorkQueueFunction.FunctionName).QueueName!);

    public string Name => _queue.Name;

    public async Task SendAsync(WorkItem item, TimeSpan delay = default, CancellationToken cancellationToken = default)
    {
        if (delay < TimeSpan.Zero || delay > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, $"A work item can be delayed by at most {MaxDelay.TotalDays} days.");
        }

        // Time-to-live counts from the send, not from visibility: a delayed message with the default
        // seven days would live only seven days minus its delay. Never expire work.
        await _queue.SendMessageAsync(item.ToJson(), visibilityTimeout: delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
    }
}
