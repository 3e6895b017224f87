using KamFlows.App.Hosting;

namespace KamFlows.App.Work;

/// <summary>The minute timer: fires every due wake-up (see <see cref="DueTimers"/>) and keeps poison messages in the poison store.</summary>
internal sealed partial class DueTimerSweepFunction(
    DueTimers dueTimers, PoisonStore poison, KamFlowsMetrics metrics, TimeProvider clock, ILogger<DueTimerSweepFunction> logger) : ITimerFunction
{
    public string Name => "DueTimerSweep";

    public async Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var fired = await dueTimers.SweepAsync(clock.GetUtcNow(), cancellationToken);
        await poison.CollectAsync(cancellationToken);
        metrics.PoisonMessages = await poison.CountAsync(cancellationToken);

        if (fired > 0 || invocation.IsPastDue)
        {
            LogSwept(logger, fired, invocation.IsPastDue);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due-timer sweep fired {Count} wake-ups (past due: {IsPastDue})")]
    private static partial void LogSwept(ILogger logger, int count, bool isPastDue);
}
