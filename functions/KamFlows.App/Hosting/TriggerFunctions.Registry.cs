namespace KamFlows.App.Hosting;

/// <summary>
/// The app's timer and queue functions by name, checked against the function.json files at start:
/// a function.json without a handler, or a handler without a function.json, stops the app.
/// </summary>
public sealed class TriggerFunctions
{
    private readonly Dictionary<string, ITimerFunction> _timers;
    private readonly Dictionary<string, IQueueFunction> _queues;

    public TriggerFunctions(FunctionManifest manifest, IEnumerable<ITimerFunction> timers, IEnumerable<IQueueFunction> queues)
    {
        _timers = timers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _queues = queues.ToDictionary(q => q.Name, StringComparer.Ordinal);
        Check(manifest, TriggerKind.Timer, _timers.Keys);
        Check(manifest, TriggerKind.Queue, _queues.Keys);
    }

    public ITimerFunction Timer(string name) => _timers[name];

    public IQueueFunction Queue(string name) => _queues[name];

    private static void Check(FunctionManifest manifest, TriggerKind kind, IEnumerable<string> handled)
    {
        var declared = manifest.Triggers(kind).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var handledSet = handled.ToHashSet(StringComparer.Ordinal);
        var noHandler = declared.Except(handledSet).ToList();
        var noFunctionJson = handledSet.Except(declared).ToList();
        if (noHandler.Count > 0)
        {
            throw new InvalidOperationException($"{kind} function.json without a handler: {string.Join(", ", noHandler)}.");
        }

        if (noFunctionJson.Count > 0)
        {
            throw new InvalidOperationException($"{kind} handler without a function.json: {string.Join(", ", noFunctionJson)}.");
        }
    }
}
