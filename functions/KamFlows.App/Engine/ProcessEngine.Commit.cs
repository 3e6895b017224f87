using KamFlows.App.Work;

namespace KamFlows.App.Engine;

public sealed partial class ProcessEngine
{
    /// <summary>
    /// Commits a transition. Rows outside the instance's partition are never part of the commit, so
    /// the due row is written first: at the next wake-up, or sooner (now + a lease) while effects
    /// are pending. A crash after the commit therefore leaves a due row, and the sweep finishes the work.
    /// </summary>
    private async Task<CommitResult> CommitAsync(
        ProcessInstance before, InstanceStore.Versioned? current, ProcessInstance next, IReadOnlyList<HistoryEntry> history, string? inputId,
        CancellationToken ct, IReadOnlyList<Azure.Data.Tables.TableEntity>? alsoWrite = null)
    {
        var now = clock.GetUtcNow();
        var due = Earliest(next.NextWakeUpAt, next.Outbox.Count > 0 ? now + Options.EffectLease : null);
        var row = await SaveDueRowAsync(next.Id, due, before.DueRow, ct);
        crash.At(SavePoint.BeforeCommit);
        var result = await store.CommitAsync(next with { DueRow = row }, current, history, inputId, ct, alsoWrite);
        if (result.Outcome == CommitOutcome.Committed)
        {
            metrics.Transitions.Add(1);
            crash.At(SavePoint.AfterCommitBeforeEffects);
        }

        await TidyDueRowsAsync(before.DueRow, row, result.Outcome == CommitOutcome.Committed, ct);
        return result;
    }

    /// <summary>
    /// After a commit: perform what this transition decided (only that: older pending effects belong
    /// to the transitions that decided them, or, once abandoned, to the sweep), and arm a queue
    /// message for a changed next wake-up.
    /// </summary>
    private async Task AfterCommitAsync(ProcessInstance before, InstanceStore.Versioned committed, CancellationToken ct)
    {
        var decidedBefore = before.Outbox.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        if (committed.Instance.Outbox.Any(e => !decidedBefore.Contains(e.Id)))
        {
            committed = await PerformOutboxAsync(committed, e => !decidedBefore.Contains(e.Id), ct);
        }

        if (committed.Instance.NextWakeUpAt is { } next && next != before.NextWakeUpAt)
        {
            await ArmAsync(committed.Instance.Id, next, clock.GetUtcNow(), ct);
        }
    }

    /// <summary>
    /// Performs the outbox (or one entry of it) and records the outcome: done effects leave the
    /// outbox, failed ones stay with their error and a later retry time. Recording is a transition of
    /// its own (If-Match); if the instance moved on meanwhile, it is re-read and only the done
    /// effects are taken out, so nothing another transition added is lost.
    /// </summary>
    private async Task<InstanceStore.Versioned> PerformOutboxAsync(InstanceStore.Versioned current, Func<OutboxEntry, bool> which, CancellationToken ct)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in current.Instance.Outbox.Where(which).ToList())
        {
            if (await effects.PerformAsync(entry, current.Instance, ct) is { } error)
            {
                failed[entry.Id] = error;
            }
            else
            {
                done.Add(entry.Id);
                crash.At(SavePoint.AfterEffectBeforeMark);
            }
        }

        for (var attempt = 0; attempt < Options.MaxConflictRetries; attempt++)
        {
            var instance = current.Instance;
            var now = clock.GetUtcNow();
            var seq = instance.Sequence + 1;
            var outbox = instance.Outbox
                .Where(e => !done.Contains(e.Id))
                .Select(e => failed.TryGetValue(e.Id, out var error) ? e with { Attempts = e.Attempts + 1, LastError = error, LastAttemptAt = now } : e)
                .ToList();
            var history = instance.Outbox.Where(e => done.Contains(e.Id) || failed.ContainsKey(e.Id))
                .Select((e, n) => new HistoryEntry(seq, n, now, done.Contains(e.Id) ? "effect-done" : "effect-failed", e.Kind, "engine", e.Id))
                .ToList();
            if (history.Count == 0)
            {
                return current; // another pass recorded them already
            }

            var next = instance with { Outbox = outbox, Sequence = seq };
            var due = Earliest(next.NextWakeUpAt, outbox.Count == 0 ? null : now + RetryDelay(outbox.Max(e => e.Attempts)));
            var row = await SaveDueRowAsync(instance.Id, due, instance.DueRow, ct);
            var result = await store.CommitAsync(next with { DueRow = row }, current, history, inputId: null, ct);
            var committed = result.Outcome == CommitOutcome.Committed;
            if (committed)
            {
                crash.At(SavePoint.AfterMarkBeforeDueRowMoved);
            }

            await TidyDueRowsAsync(instance.DueRow, row, committed, ct);
            if (committed)
            {
                // The process lists count failing effects (the board shows them); a mark that changes how
                // many fail changes nothing else they show, so no index effect was decided for it.
                if (instance.Outbox.Count(e => e.Attempts > 0) != next.Outbox.Count(e => e.Attempts > 0))
                {
                    await index.UpdateAsync(result.Committed!.Instance, IndexKeys.Of(result.Committed!.Instance), ct);
                }

                return result.Committed!;
            }

            current = await store.LoadAsync(instance.Id, ct) ?? throw new InvalidOperationException($"Instance {instance.Id} vanished.");
        }

        throw new InvalidOperationException($"Instance {current.Instance.Id} kept changing while its effects were recorded.");
    }

    /// <summary>
    /// A delayed queue message for the next wake-up: exact to the second for waits up to six days
    /// (queue messages stay invisible at most seven), in six-day hops beyond; the due-timer index backs
    /// it, so a lost message loses nothing.
    /// </summary>
    private Task ArmAsync(string instanceId, DateTimeOffset wakeAt, DateTimeOffset now, CancellationToken ct)
    {
        var delay = wakeAt - now;
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > WorkQueue.MaxDelay ? WorkQueue.MaxDelay : delay;
        return queue.SendAsync(new WorkItem(WorkKind, instanceId, wakeAt), delay, ct);
    }

    /// <summary>The due row a transition needs: the one it has if the time is unchanged, else a new one (written before the commit).</summary>
    private async Task<DueRow?> SaveDueRowAsync(string instanceId, DateTimeOffset? due, DueRow? existing, CancellationToken ct) =>
        due is not { } at ? null
        : existing is { } same && same.At == at ? same
        : await dueTimers.SetAsync(new WorkItem(WorkKind, instanceId), at, ct);

    /// <summary>
    /// After a commit attempt, exactly one of the two rows is the instance's: a committed transition
    /// drops the row it replaced, a failed one drops the row it wrote for nothing. Both deletes are by
    /// the row's own key, so they never touch a row another transition wrote. A crash before this leaves
    /// a stray row, which fires once and is then cleared by <see cref="RunDueAsync"/>.
    /// </summary>
    private async Task TidyDueRowsAsync(DueRow? before, DueRow? written, bool committed, CancellationToken ct)
    {
        if (before == written)
        {
            return;
        }

        if ((committed ? before : written) is { } unused)
        {
            await dueTimers.ClearAsync(unused, ct);
        }
    }

    /// <summary>
    /// Claims the abandoned effects for this pass (a commit with If-Match that marks them claimed for a
    /// lease), so two passes that fire together (a stray due row and the current one, a delayed queue
    /// message and the sweep) never both perform them. Null when another pass claimed them first.
    /// </summary>
    private async Task<(InstanceStore.Versioned Claimed, HashSet<string> Ids)?> ClaimAbandonedAsync(
        InstanceStore.Versioned current, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var ids = current.Instance.Outbox.Where(e => Abandoned(e, now)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            if (ids.Count == 0)
            {
                return null; // claimed (or done) by another pass meanwhile
            }

            var claimed = current.Instance with
            {
                Outbox = [.. current.Instance.Outbox.Select(e => ids.Contains(e.Id) ? e with { ClaimedUntil = now + Options.EffectLease } : e)],
            };
            var result = await store.CommitAsync(claimed, current, [], inputId: null, ct);
            if (result.Outcome == CommitOutcome.Committed)
            {
                return (result.Committed!, ids);
            }

            // Another transition or pass changed the instance: look again at what is still abandoned.
            if (await store.LoadAsync(current.Instance.Id, ct) is not { } reloaded)
            {
                return null;
            }

            current = reloaded;
        }

        return null;
    }

    /// <summary>
    /// An effect the sweep should perform: its transition's lease ran out (that process probably
    /// died), or it failed before and its retry time has come.
    /// </summary>
    private bool Abandoned(OutboxEntry entry, DateTimeOffset now) =>
        !(entry.ClaimedUntil > now)
        && (entry.Attempts == 0
            ? entry.DecidedAt + Options.EffectLease <= now
            : (entry.LastAttemptAt ?? entry.DecidedAt) + RetryDelay(entry.Attempts) <= now);

    /// <summary>A failing effect is tried again after 1, 2, 4 … minutes, at most an hour apart.</summary>
    private static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
