using Cronos;

namespace KamFlows.App.Hosting;

/// <summary>
/// Fires one timer function on its six-field NCRONTAB schedule (UTC, like Flex Consumption), calling
/// the same <see cref="ITimerFunction.RunAsync"/> as the trigger endpoint. A stand-in for the host,
/// not a second implementation: it only decides when to call.
/// </summary>
internal sealed partial class LocalTimerLoop(
    ITimerFunction function,
    CronExpression schedule,
    TimeProvider clock,
    ILogger logger)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            await Task.Delay(next.Value - now, clock, stoppingToken);
            var fired = clock.GetUtcNow();
            // Like the host: an occurrence fired much later than planned (a sleeping laptop) is past due.
            var pastDue = fired - next.Value > TimeSpan.FromMinutes(1);
            var invocation = new TimerInvocation(Guid.NewGuid().ToString(), pastDue, last, schedule.GetNextOccurrence(fired, TimeZoneInfo.Utc));
            try
            {
                await function.RunAsync(invocation, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The host does not retry a failed timer invocation either; the next occurrence runs as planned.
                LogFailed(logger, e, function.Name);
            }

            last = next;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Local timer {Function} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
