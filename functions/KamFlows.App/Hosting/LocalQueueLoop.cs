using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace KamFlows.App.Hosting;

/// <summary>
/// Polls one queue and hands each message to the same <see cref="IQueueFunction.RunAsync"/> as the
/// trigger endpoint, with the host's delivery rules: a failed message becomes visible again and is
/// retried; after <see cref="LocalTriggerOptions.MaxDequeueCount"/> deliveries it moves to
/// <c>&lt;queue&gt;-poison</c>, where it is kept.
/// </summary>
internal sealed partial class LocalQueueLoop(
    IQueueFunction function,
    QueueClient queue,
    QueueClient poison,
    LocalTriggerOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private const int BatchSize = 16;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(BatchSize, options.VisibilityTimeout, stoppingToken)).Value;
            }
            catch (Azure.RequestFailedException e)
            {
                LogReceiveFailed(logger, e, queue.Name);
                batch = [];
            }

            if (batch.Length == 0)
            {
                await Task.Delay(options.PollingInterval, clock, stoppingToken);
                continue;
            }

            await Task.WhenAll(batch.Select(m => DeliverAsync(m, stoppingToken)));
        }
    }

    internal async Task DeliverAsync(QueueMessage message, CancellationToken ct)
    {
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, ct);
            return;
        }

        var invocation = new QueueInvocation(Guid.NewGuid().ToString(), message.Body.ToString(), message.MessageId,
            message.DequeueCount, message.InsertedOn);
        try
        {
            await function.RunAsync(invocation, ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDeliveryFailed(logger, e, function.Name, message.MessageId, message.DequeueCount);
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, ct);
            }
            else
            {
                // Visible again at once, as the host does by default.
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: ct);
            }
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken ct)
    {
        // Copy first, then delete: a crash in between leaves a duplicate in poison, never a loss.
        await poison.SendMessageAsync(message.Body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        LogPoisoned(logger, message.MessageId, queue.Name, poison.Name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from queue {Queue} failed")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed on message {MessageId} (delivery {DequeueCount})")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} moved from {Queue} to {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string queue, string poisonQueue);
}
