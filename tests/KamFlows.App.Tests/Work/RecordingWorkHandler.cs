using System.Collections.Concurrent;
using KamFlows.App.Work;

namespace KamFlows.App.Tests.Work;

/// <summary>A work handler of a test kind that records each item it is given, and fails on cue.</summary>
public sealed class RecordingWorkHandler : IWorkItemHandler
{
    public const string TestKind = "test-ping";

    public ConcurrentQueue<WorkItem> Handled { get; } = new();

    public Func<WorkItem, bool> FailWhen { get; set; } = _ => false;

    public string Kind => TestKind;

    public Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        if (FailWhen(item))
        {
            throw new InvalidOperationException("failing on cue");
        }

        Handled.Enqueue(item);
        return Task.CompletedTask;
    }
}
