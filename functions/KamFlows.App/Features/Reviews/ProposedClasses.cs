using System.Collections.Concurrent;
using KamFlows.App.Features.Portfolio;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Reviews;

/// <summary>
/// The class the Pareto classification of a quarter gives each account, for the review packages.
/// Classifying reads the whole portfolio's revenue, so one fan-out classifies once per app instance
/// (kept ten minutes), not once per plan.
/// </summary>
public sealed class ProposedClasses(ParetoReport pareto, TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<Quarter, (DateTimeOffset At, Lazy<Task<IReadOnlyDictionary<string, AccountClass>>> Classes)> _cache = new();

    public async Task<AccountClass?> OfAsync(Quarter quarter, string accountId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entry = _cache.AddOrUpdate(
            quarter,
            q => (now, Classify(q)),
            (q, old) => now - old.At > KeptFor || old.Classes.Value.IsFaulted ? (now, Classify(q)) : old);
        var classes = await entry.Classes.Value.WaitAsync(ct);
        return classes.TryGetValue(accountId, out var c) ? c : null;
    }

    // Not cancelled by one caller's token: the classification is shared by every plan of the fan-out.
    private Lazy<Task<IReadOnlyDictionary<string, AccountClass>>> Classify(Quarter quarter) => new(async () =>
    {
        var (classification, _) = await pareto.ClassifyAsync(quarter, CancellationToken.None);
        return classification.Accounts.ToDictionary(a => a.AccountId, a => a.Class, StringComparer.Ordinal);
    });
}
