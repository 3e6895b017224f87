using KamFlows.App.Engine;
using KamFlows.App.Features.Plans;
using KamFlows.App.Hosting;
using KamFlows.App.Work;
using KamFlows.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Reviews;

/// <summary>
/// Starts a quarter's reviews: every account with a plan, in work messages of
/// <see cref="ReviewsOptions.BatchSize"/> plans (<see cref="ReviewOpening"/> opens them). Resumable: a
/// guard row in the due-timer index is written first and cleared when every message is sent, so a
/// crash midway makes the sweep send this class a <see cref="WorkKind"/> work item a lease later,
/// which sends them all again; the plans opened already are skipped by their openers.
/// </summary>
public sealed partial class ReviewFanOut(
    PlanStore plans, WorkQueue queue, DueTimers dueTimers, CrashInjection crash, IOptions<ReviewsOptions> options, TimeProvider clock, ILogger<ReviewFanOut> logger)
    : IWorkItemHandler
{
    public const string WorkKind = "review-fanout";

    public string Kind => WorkKind;

    /// <summary>Sends the quarter's batches; returns how many plans they carry.</summary>
    public async Task<int> StartAsync(Quarter quarter, CancellationToken ct)
    {
        var guard = await dueTimers.SetAsync(new WorkItem(WorkKind, quarter.ToString()), clock.GetUtcNow() + DueTimers.Lease, ct);
        var plansSent = await SendAllAsync(quarter, ct);
        await dueTimers.ClearAsync(guard, ct);
        return plansSent;
    }

    /// <summary>A guard fired: the fan-out that wrote it did not finish. Send everything again.</summary>
    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        if (!Quarter.TryParse(item.Id, out var quarter))
        {
            throw new MalformedQueueMessageException("a review fan-out names a quarter");
        }

        LogResumed(logger, item.Id);
        await SendAllAsync(quarter, cancellationToken);
        if (item.FiredFrom is { } row)
        {
            await dueTimers.ClearAsync(row, cancellationToken);
        }
    }

    private async Task<int> SendAllAsync(Quarter quarter, CancellationToken ct)
    {
        var accountIds = await plans.AccountIdsAsync(ct);
        var batches = accountIds.Chunk(options.Value.BatchSize).ToList();
        foreach (var batch in batches)
        {
            await queue.SendAsync(new WorkItem(ReviewOpening.WorkKind, new ReviewBatch(quarter, batch).ToId()), cancellationToken: ct);
            crash.At(SavePoint.FanOutBatchSent);
        }

        LogSent(logger, quarter, accountIds.Count, batches.Count);
        return accountIds.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quarterly reviews {Quarter}: {Plans} plans sent in {Batches} work messages")]
    private static partial void LogSent(ILogger logger, Quarter quarter, int plans, int batches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarterly review fan-out {Quarter} did not finish; sending its batches again")]
    private static partial void LogResumed(ILogger logger, string quarter);
}
