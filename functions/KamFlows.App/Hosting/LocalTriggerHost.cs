using Cronos;
using Microsoft.Extensions.Options;
using KamFlows.App.Storage;

namespace KamFlows.App.Hosting;

/// <summary>
/// When no Functions host started us, runs every timer and queue function of the manifest in-process.
/// </summary>
internal sealed class LocalTriggerHost(
    FunctionManifest manifest,
    TriggerFunctions functions,
    StorageClients storage,
    IOptions<LocalTriggerOptions> options,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger("KamFlows.LocalTriggers");
        var loops = new List<Task>();
        foreach (var timer in manifest.Triggers(TriggerKind.Timer))
        {
            var schedule = CronExpression.Parse(timer.Schedule!, CronFormat.IncludeSeconds);
            loops.Add(new LocalTimerLoop(functions.Timer(timer.Name), schedule, clock, logger).RunAsync(stoppingToken));
        }

        foreach (var queue in manifest.Triggers(TriggerKind.Queue))
        {
            loops.Add(new LocalQueueLoop(functions.Queue(queue.Name), storage.Queue(queue.QueueName!),
                storage.Queue(queue.QueueName + "-poison"), options.Value, clock, logger).RunAsync(stoppingToken));
        }

        return Task.WhenAll(loops);
    }
}
