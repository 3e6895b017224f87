namespace KamFlows.App.Hosting;

/// <summary>A timer invocation, as the Functions host describes it (or the local timer loop does).</summary>
public sealed record TimerInvocation(string InvocationId, bool IsPastDue, DateTimeOffset? LastRun, DateTimeOffset? NextRun);

/// <summary>A queue message, already decoded from base64, with the host's delivery metadata.</summary>
public sealed record QueueInvocation(string InvocationId, string Message, string? MessageId, long DequeueCount, DateTimeOffset? InsertionTime);

/// <summary>
/// A timer-triggered function. Its <see cref="Name"/> is the folder of its function.json; the
/// trigger endpoint and the local timer loop both call <see cref="RunAsync"/>: one code path.
/// </summary>
public interface ITimerFunction
{
    string Name { get; }

    Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>
/// A queue-triggered function. Throwing fails the delivery: the host (or the local loop) retries it,
/// and after five deliveries moves the message to <c>&lt;queue&gt;-poison</c>, where it is kept.
/// </summary>
public interface IQueueFunction
{
    string Name { get; }

    Task RunAsync(QueueInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>A queue message that can never succeed (not JSON, wrong shape): retried and parked like any failure, but logged as such.</summary>
public sealed class MalformedQueueMessageException(string reason) : Exception(reason);
