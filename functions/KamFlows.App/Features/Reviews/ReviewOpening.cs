using KamFlows.App.Hosting;
using KamFlows.App.Work;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Reviews;

/// <summary>
/// A fan-out work message: opens the reviews of its plans, several side by side. A failure fails the
/// message after the others were tried; redelivered, it skips those already open (idempotent).
/// </summary>
public sealed partial class ReviewOpening(ReviewOpener opener, IOptions<ReviewsOptions> options, ILogger<ReviewOpening> logger) : IWorkItemHandler
{
    public const string WorkKind = "review-open";

    public string Kind => WorkKind;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var batch = ReviewBatch.Parse(item.Id) ?? throw new MalformedQueueMessageException("a review batch is a quarter and account ids");
        var failures = new List<Exception>();
        var opened = 0;
        await Parallel.ForEachAsync(batch.AccountIds, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken }, async (accountId, ct) =>
        {
            try
            {
                if (await opener.OpenAsync(batch.Quarter, accountId, ct) == OpeningOutcome.Opened)
                {
                    Interlocked.Increment(ref opened);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (failures)
                {
                    failures.Add(e);
                }
            }
        });

        LogBatch(logger, batch.Quarter, batch.AccountIds.Count, opened, failures.Count);
        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} of {batch.AccountIds.Count} reviews of {batch.Quarter} did not open; the message is delivered again.", failures);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review batch of {Quarter}: {Plans} plans, {Opened} opened, {Failed} failed")]
    private static partial void LogBatch(ILogger logger, KamFlows.Domain.Accounts.Quarter quarter, int plans, int opened, int failed);
}
