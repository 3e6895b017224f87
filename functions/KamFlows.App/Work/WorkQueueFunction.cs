using KamFlows.App.Hosting;

namespace KamFlows.App.Work;

/// <summary>The queue function of the work queue: dispatches each work item to the handler of its kind.</summary>
internal sealed class WorkQueueFunction : IQueueFunction
{
    public const string FunctionName = "WorkQueue";

    private readonly Dictionary<string, IWorkItemHandler> _handlers;

    public WorkQueueFunction(IEnumerable<IWorkItemHandler> handlers) =>
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public string Name => FunctionName;

    public Task RunAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        var item = WorkItem.Parse(invocation.Message);
        return _handlers.TryGetValue(item.Kind, out var handler)
            ? handler.HandleAsync(item, cancellationToken)
            : throw new MalformedQueueMessageException($"no handler for work of kind '{item.Kind}'");
    }
}
