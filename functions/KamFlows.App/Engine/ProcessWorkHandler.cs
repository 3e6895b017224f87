using KamFlows.App.Work;

namespace KamFlows.App.Engine;

/// <summary>Work items of kind "process": a wake-up came due, or effects were left pending.</summary>
internal sealed class ProcessWorkHandler(ProcessEngine engine) : IWorkItemHandler
{
    public string Kind => ProcessEngine.WorkKind;

    public Task HandleAsync(WorkItem item, CancellationToken cancellationToken) =>
        engine.RunDueAsync(item.Id, item.At, item.FiredFrom, cancellationToken);
}
