using KamFlows.App.Engine;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Reviews;

namespace KamFlows.App.Features.Reviews;

/// <summary>
/// The quarter's reviews from the roster, each read from its instance (a point read each, a few side
/// by side): step, overdue, rounds, and who it waits on (the members of the party) since when.
/// </summary>
public sealed class QuarterOverview(ReviewRoster roster, InstanceStore instances)
{
    private const int Reads = 16;

    public async Task<QuarterReviewsView> ViewAsync(Quarter quarter, CancellationToken ct)
    {
        var entries = await roster.ListAsync(quarter, ct);
        var items = new ReviewSummary[entries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count), new ParallelOptions { MaxDegreeOfParallelism = Reads, CancellationToken = ct }, async (i, token) =>
        {
            var entry = entries[i];
            items[i] = await instances.LoadAsync(entry.InstanceId, token) is { Instance: var instance }
                ? SummaryOf(entry, instance)
                : new ReviewSummary(entry.AccountId, entry.InstanceId, "opening", false, false, 0, null, [], null);
        });

        var list = items.OrderBy(s => s.WaitingSince ?? DateTimeOffset.MaxValue).ThenBy(s => s.AccountId, StringComparer.Ordinal).ToList();
        return new QuarterReviewsView(
            quarter.ToString(),
            list.Count,
            list.Count(s => s.Step == "with-kam"),
            list.Count(s => s.Step == "awaiting-approval"),
            list.Count(s => s.Step == "approved"),
            list.Count(s => s.Step == "revising"),
            list.Count(s => s.Overdue),
            list);
    }

    private static ReviewSummary SummaryOf(RosterEntry entry, ProcessInstance instance)
    {
        var state = QuarterlyReviewDefinition.ReadState(instance.StateJson);
        var waiting = instance.WaitingOn;
        var who = waiting is not null && instance.Parties.TryGetValue(waiting.Party, out var members) ? members : [];
        return new ReviewSummary(
            entry.AccountId, instance.Id, instance.Step, state.Overdue && state.WithTheKam, state.EscalatedAt is not null, state.Rounds.Count,
            waiting?.Party, who, waiting?.Since);
    }
}
