using System.Globalization;
using KamFlows.App.Engine;
using KamFlows.App.Hosting;
using KamFlows.App.Work;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Processes.EngineCheck;

namespace KamFlows.App.Features.Operations;

/// <summary>
/// A ping to an engine check carried by the work queue (ids only: "{instance id}:{ping number}"),
/// applied through the engine like one sent over HTTP, with the same event id ("ping-{n}"), so a
/// ping sent both ways, or delivered twice, is applied once. The engine benchmark's queue path.
/// </summary>
internal sealed class EngineCheckPingWork(ProcessEngine engine) : IWorkItemHandler
{
    public const string WorkKind = "engine-check.ping";

    public string Kind => WorkKind;

    public static WorkItem For(string instanceId, int n) => new(WorkKind, $"{instanceId}:{n.ToString(CultureInfo.InvariantCulture)}");

    public static string EventId(int n) => $"ping-{n.ToString(CultureInfo.InvariantCulture)}";

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var colon = item.Id.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(item.Id.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            throw new MalformedQueueMessageException("an engine-check ping is \"{instance id}:{ping number}\"");
        }

        // NotFound and the rest are answers, not failures: retrying would not change them.
        await engine.SendAsync(item.Id[..colon], EventId(n), new EngineInput.Command(new EngineCheckCommand.Ping(n)), Sender.System, cancellationToken);
    }
}
