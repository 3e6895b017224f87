using KamFlows.App.Features.Users;
using KamFlows.App.Hosting;
using KamFlows.App.Http;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Visits;

namespace KamFlows.App.Features.Visits;

/// <summary>
/// The nightly timer (<c>WeeklyVisitPlan/function.json</c>): plans this week and next of every active
/// KAM, each week by the KAM's own today. Planning is idempotent, so a run that fails half-way, or runs
/// twice, loses nothing and doubles nothing; one KAM's failure does not stop the others.
/// </summary>
internal sealed partial class WeeklyVisitPlanFunction(UserDirectory users, WeekPlanning planning, TimeProvider clock, ILogger<WeeklyVisitPlanFunction> logger)
    : ITimerFunction
{
    public string Name => "WeeklyVisitPlan";

    public async Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var stored = 0;
        string? token = null;
        do
        {
            var page = await users.ListAsync(token, Paging.MaxPageSize, cancellationToken);
            foreach (var kam in page.Items.Where(u => u.Active && u.HasRole(Role.Kam)))
            {
                try
                {
                    var week = IsoWeek.Of(planning.CalendarOf(kam).DateOf(clock.GetUtcNow()));
                    stored += await planning.PlanAsync(kam, week, cancellationToken);
                    stored += await planning.PlanAsync(kam, week.Next, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e, kam.Id);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        LogRan(logger, stored);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Planning the weeks of KAM {UserId} failed; the next run plans them again")]
    private static partial void LogFailed(ILogger logger, Exception e, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly visit plan stored {Stored} new visits and calls")]
    private static partial void LogRan(ILogger logger, int stored);
}
