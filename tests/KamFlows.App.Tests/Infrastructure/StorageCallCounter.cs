using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>
/// Counts the storage requests this process's Azure SDK clients send (Azure.Core's "Request" event),
/// by method and kind (table, batch, queue, blob), to count the storage calls an engine path makes.
/// Counts the whole process: use it where nothing else runs.
/// </summary>
internal sealed class StorageCallCounter(string prefix) : EventListener
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_calls, StringComparer.Ordinal);

    public int Total => _calls.Values.Sum();

    public void Reset() => _calls.Clear();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Azure-Core")
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "Request" || e.Payload is not { Count: >= 3 } payload)
        {
            return;
        }

        // "GET processes", "POST $batch", "PUT duetimers", "DELETE work/messages": method and resource, the prefix cut off.
        var method = payload[1] as string ?? "?";
        var segments = new Uri(payload[2] as string ?? "http://unknown/").AbsolutePath.Trim('/').Split('/');
        var resource = segments.Length > 1 ? segments[1].Split('(')[0] : "?";
        resource = resource.StartsWith(prefix, StringComparison.Ordinal) ? resource[prefix.Length..] : resource;
        var what = $"{method} {resource}{(segments.Length > 2 && segments[2] == "messages" ? "/messages" : "")}";
        _calls.AddOrUpdate(what, 1, (_, n) => n + 1);
    }
}
