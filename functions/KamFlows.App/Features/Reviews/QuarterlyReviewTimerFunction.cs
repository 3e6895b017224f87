using KamFlows.App.Hosting;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Reviews;

/// <summary>
/// The quarter's timer (<c>QuarterlyReviewTimer/function.json</c>, schedule <c>%QuarterlyReviewSchedule%</c>,
/// by default 06:00 UTC on the first day of each quarter): starts the reviews of the quarter it fires
/// in. A past-due firing (after downtime) still falls in that quarter; firing twice opens nothing twice.
/// </summary>
internal sealed partial class QuarterlyReviewTimerFunction(ReviewFanOut fanOut, TimeProvider clock, ILogger<QuarterlyReviewTimerFunction> logger) : ITimerFunction
{
    public const string FunctionName = "QuarterlyReviewTimer";

    public string Name => FunctionName;

    public async Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var quarter = Quarter.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var plans = await fanOut.StartAsync(quarter, cancellationToken);
        LogFired(logger, quarter, plans, invocation.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quarterly review timer: {Quarter}, {Plans} plans (past due: {IsPastDue})")]
    private static partial void LogFired(ILogger logger, Quarter quarter, int plans, bool isPastDue);
}
