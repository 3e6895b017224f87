using KamFlows.App.Hosting;

namespace KamFlows.App.Work;

/// <summary>The minute timer that fires every due wake-up (see <see cref="DueTimers"/>).</summary>
internal sealed partial class DueTimerSweepFunction(DueTimers dueTimers, TimeProvider clock, ILogger<DueTimerSweepFunction> logger) : ITimerFunction
{
    public string Name => "DueTimerSweep";

    public async Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var fired = await dueTimers.SweepAsync(clock.GetUtcNow(), cancellationToken);
        if (fired > 0 || invocation.IsPastDue)
        {
            LogSwept(logger, fired, invocation.IsPastDue);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due-timer sweep fired {Count} wake-ups (past due: {IsPastDue})")]
    private static partial void LogSwept(ILogger logger, int count, bool isPastDue);
}
