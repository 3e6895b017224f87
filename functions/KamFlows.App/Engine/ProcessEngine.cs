using KamFlows.App.Work;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Engine;

public sealed record StartRequest(
    string Definition,
    string BusinessKey,
    object Command,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parties,
    IReadOnlyDictionary<string, PartyCalendar> Calendars,
    string? AccountId = null,
    string? ParentId = null);

public sealed record StartOutcome(string InstanceId, bool Created);

/// <summary>
/// How an input is applied, beyond the input itself: the instance the caller has just read (saves a
/// read; an outdated one only costs a retry), and rows of the instance's partition to write in the
/// same transaction as the transition (e.g. a link marked used by the decision it carried).
/// </summary>
public sealed record SendOptions(InstanceStore.Versioned? Loaded = null, IReadOnlyList<Azure.Data.Tables.TableEntity>? AlsoWrite = null)
{
    public static SendOptions None { get; } = new();
}

public enum SendOutcome
{
    Applied,
    Duplicate,
    Stale,
    NotFound,
    NotAllowed,
    Ended,
}

/// <summary>
/// Runs deciders durably: load (with ETag) → decide(now) → commit (one transaction) → perform the
/// effects → record them done. An input applied over HTTP is applied in that request; the work queue
/// carries wake-ups and effects left over by a crash. See docs/ENGINE.md.
/// </summary>
public sealed partial class ProcessEngine(
    ProcessRegistry registry,
    InstanceStore store,
    DueTimers dueTimers,
    WorkQueue queue,
    EffectRunner effects,
    WakeTimes wakeTimes,
    IOptions<EngineOptions> options,
    TimeProvider clock,
    KamFlowsMetrics metrics,
    CrashInjection crash,
    IEnumerable<IStartRouting> routings,
    ProcessIndex index,
    ILogger<ProcessEngine> logger)
{
    public const string WorkKind = "process";
    private const int MaxEffectsPerTransition = 40;

    private EngineOptions Options => options.Value;

    /// <summary>Starts an instance, or finds the one already started for this definition and business key.</summary>
    public async Task<StartOutcome> StartAsync(StartRequest request, Sender sender, CancellationToken ct)
    {
        foreach (var routing in routings.Where(r => string.Equals(r.Definition, request.Definition, StringComparison.Ordinal)))
        {
            request = await routing.RouteAsync(request, ct);
        }

        // No read first: the commit adds the instance, and an instance already there makes it fail
        // (AlreadyExists), so a second start costs a failed commit instead of every start a read.
        var id = InstanceIds.For(request.Definition, request.BusinessKey);
        var definition = registry.Latest(request.Definition)
            ?? throw new InvalidOperationException($"No process is called '{request.Definition}'.");
        if (!definition.WhoMaySend(request.Command).Allows(sender, request.Parties))
        {
            throw new NotAllowedException($"{sender.Kind} may not start {request.Definition}.");
        }

        var now = clock.GetUtcNow();
        var blank = new ProcessInstance
        {
            Id = id,
            Definition = definition.Name,
            Version = definition.Version,
            BusinessKey = request.BusinessKey,
            Parties = request.Parties,
            Calendars = request.Calendars,
            AccountId = request.AccountId,
            ParentId = request.ParentId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var (next, history) = Decide(blank, definition, new EngineInput.Command(request.Command), sender, now, "started");
        var result = await CommitAsync(blank, null, next, history, inputId: null, ct);
        if (result.Outcome == CommitOutcome.AlreadyExists)
        {
            return new StartOutcome(id, Created: false);
        }

        await AfterCommitAsync(blank, result.Committed!, ct);
        return new StartOutcome(id, Created: true);
    }

    /// <summary>
    /// Applies one input to an instance, exactly once per <paramref name="inputId"/>: a second delivery
    /// is a recognised duplicate; an input for a step the instance has left is recorded as stale.
    /// A caller that has just read the instance passes it (<paramref name="loaded"/>) to save a read;
    /// if it is outdated, the commit's If-Match says so and the instance is read again.
    /// </summary>
    public Task<SendOutcome> SendAsync(string instanceId, string inputId, EngineInput input, Sender sender, CancellationToken ct) =>
        SendAsync(instanceId, inputId, input, sender, SendOptions.None, ct);

    /// <inheritdoc cref="SendAsync(string, string, EngineInput, Sender, CancellationToken)"/>
    public async Task<SendOutcome> SendAsync(
        string instanceId, string inputId, EngineInput input, Sender sender, SendOptions send, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Options.MaxConflictRetries; attempt++)
        {
            var read = attempt == 0 && send.Loaded is not null ? send.Loaded : await store.LoadAsync(instanceId, ct);
            if (read is not { } current)
            {
                return SendOutcome.NotFound;
            }

            var instance = current.Instance;
            var definition = registry.Get(instance.Definition, instance.Version);
            var allowed = input is EngineInput.Command command
                ? definition.WhoMaySend(command.Value).Allows(sender, instance.Parties)
                : sender.Kind == SenderKind.System;
            if (!allowed)
            {
                LogRefused(logger, instanceId, sender.Kind);
                return SendOutcome.NotAllowed;
            }

            var now = clock.GetUtcNow();
            var (next, history) = instance.IsRunning
                ? Decide(instance, definition, input, sender, now, "input")
                : Record(instance, now, "ended", Describe(input), sender, $"the process is {instance.Status}");
            var result = await CommitAsync(instance, current, next, history, inputId, ct, send.AlsoWrite);
            switch (result.Outcome)
            {
                case CommitOutcome.Conflict:
                    continue;
                case CommitOutcome.Duplicate:
                    LogDuplicate(logger, instanceId);
                    return SendOutcome.Duplicate;
            }

            await AfterCommitAsync(instance, result.Committed!, ct);
            return !instance.IsRunning ? SendOutcome.Ended
                : history.Any(h => h.Kind == "stale") ? SendOutcome.Stale
                : SendOutcome.Applied;
        }

        throw new InvalidOperationException($"Instance {instanceId} kept changing under {Options.MaxConflictRetries} attempts to apply one input.");
    }

    /// <summary>Ends an instance (an administrator's decision): its wake-ups are cancelled and its children terminated.</summary>
    public async Task<SendOutcome> TerminateAsync(string instanceId, string reason, Sender sender, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Options.MaxConflictRetries; attempt++)
        {
            if (await store.LoadAsync(instanceId, ct) is not { } current)
            {
                return SendOutcome.NotFound;
            }

            var instance = current.Instance;
            if (!instance.IsRunning)
            {
                return SendOutcome.Ended;
            }

            var now = clock.GetUtcNow();
            var seq = instance.Sequence + 1;
            var outbox = instance.Outbox.ToList();
            var k = 0;
            foreach (var child in instance.Children)
            {
                outbox.Add(effects.ToOutbox(EffectId(instance.Id, seq, k++), new TerminateChildEffect(child, "parent terminated"), now));
            }

            if (instance.ParentId is { } parent)
            {
                outbox.Add(effects.ToOutbox(EffectId(instance.Id, seq, k++),
                    new NotifyParentEffect(parent, instance.Id, instance.Definition, instance.BusinessKey, "terminated"), now));
            }

            outbox.Add(effects.ToOutbox(EffectId(instance.Id, seq, k), new IndexEffect(IndexKeys.Of(instance)), now));
            var next = instance with
            {
                Status = ProcessStatus.Terminated,
                Outcome = "terminated",
                WakeUps = [],
                WaitingOn = null,
                Outbox = outbox,
                Sequence = seq,
                UpdatedAt = now,
            };
            var history = new List<HistoryEntry> { new(seq, 0, now, "terminated", "Terminate", sender.ToString(), reason) };
            var result = await CommitAsync(instance, current, next, history, inputId: null, ct);
            if (result.Outcome == CommitOutcome.Conflict)
            {
                continue;
            }

            await AfterCommitAsync(instance, result.Committed!, ct);
            return SendOutcome.Applied;
        }

        throw new InvalidOperationException($"Instance {instanceId} kept changing while being terminated.");
    }

    /// <summary>
    /// What the work queue and the sweep ask for: finish pending effects, fire the wake-ups that came
    /// due, and tidy the due row that fired (<paramref name="firedFrom"/>) if it is not the current one.
    /// </summary>
    public async Task RunDueAsync(string instanceId, DateTimeOffset? firedFor, DueRow? firedFrom, CancellationToken ct)
    {
        if (await store.LoadAsync(instanceId, ct) is not { } current)
        {
            if (firedFrom is { } orphan)
            {
                await dueTimers.ClearAsync(orphan, ct);
            }

            return;
        }

        var now = clock.GetUtcNow();
        if (current.Instance.Outbox.Any(e => Abandoned(e, now)) && await ClaimAbandonedAsync(current, now, ct) is { } claim)
        {
            current = await PerformOutboxAsync(claim.Claimed, e => claim.Ids.Contains(e.Id), ct);
        }

        foreach (var due in current.Instance.WakeUps.Where(w => w.DueAt <= now).OrderBy(w => w.DueAt).ToList())
        {
            await SendAsync(instanceId, $"wake|{due.Name}|{due.DueAt.UtcTicks}", new EngineInput.WokeUp(due.Name, due.DueAt), Sender.System, ct);
        }

        var latest = (await store.LoadAsync(instanceId, ct))?.Instance;
        if (latest?.NextWakeUpAt is { } next && next > now && firedFor == next)
        {
            crash.At(SavePoint.MidHop);
            await ArmAsync(instanceId, next, now, ct); // a hop of a long wait: send the next one
        }

        if (firedFrom is { } fired && fired.Key != latest?.DueRow?.Key)
        {
            await dueTimers.ClearAsync(fired, ct); // a stray or outdated row: its own key, so never the current one
        }
    }

    /// <summary>An administrator's retry of one effect that keeps failing. False when there is no such pending effect.</summary>
    public async Task<bool> RetryEffectAsync(string instanceId, string effectId, CancellationToken ct)
    {
        if (await store.LoadAsync(instanceId, ct) is not { } current || current.Instance.Outbox.All(e => e.Id != effectId))
        {
            return false;
        }

        await PerformOutboxAsync(current, e => e.Id == effectId, ct);
        return true;
    }

    private (ProcessInstance Next, List<HistoryEntry> History) Decide(
        ProcessInstance instance, IProcessDefinition definition, EngineInput input, Sender sender, DateTimeOffset now, string kind)
    {
        if (input is EngineInput.WokeUp woke && !instance.WakeUps.Contains(new PendingWakeUp(woke.Name, woke.DueAt)))
        {
            return Record(instance, now, "stale", Describe(input), sender, "the wake-up was cancelled or moved");
        }

        var seq = instance.Sequence + 1;
        var t = definition.Decide(instance.StateJson, input, new DecisionContext(now, instance.Id, instance.Parties) { Sender = sender });
        if (t.StaleReason is not null)
        {
            return Record(instance, now, "stale", Describe(input), sender, t.StaleReason);
        }

        if (t.Effects.Count + t.Children.Count > MaxEffectsPerTransition)
        {
            throw new InvalidOperationException($"{definition.Name} decided {t.Effects.Count + t.Children.Count} effects in one transition; at most {MaxEffectsPerTransition} fit a commit.");
        }

        var history = new List<HistoryEntry> { new(seq, 0, now, kind, Describe(input), sender.ToString(), null) };
        history.AddRange(t.EventNames.Select((e, n) => new HistoryEntry(seq, n + 1, now, "event", e, "decider", null)));

        var (parties, calendars) = Rerouted(instance, t.PartyChanges);
        history.AddRange(t.PartyChanges.Select((c, n) => new HistoryEntry(seq, history.Count + n, now, "party-changed", c.Party, "decider", string.Join(',', c.Members))));
        var wakeUps = instance.WakeUps
            .Where(w => input is not EngineInput.WokeUp fired || w.Name != fired.Name)
            .Where(w => !t.CancelWakeUps.Contains(w.Name) && t.WakeUps.All(r => r.Name != w.Name))
            .Concat(t.WakeUps.Select(r => new PendingWakeUp(r.Name, wakeTimes.Resolve(r.When, now, calendars))))
            .ToList();

        var outbox = instance.Outbox.ToList();
        var k = 0;
        foreach (var effect in t.Effects)
        {
            outbox.Add(effects.ToOutbox(EffectId(instance.Id, seq, k++), effect, now));
        }

        var children = instance.Children.ToList();
        foreach (var child in t.Children)
        {
            var childDefinition = registry.Latest(child.Definition)
                ?? throw new InvalidOperationException($"{definition.Name} starts an unknown process '{child.Definition}'.");
            outbox.Add(effects.ToOutbox(EffectId(instance.Id, seq, k++), new StartChildEffect(
                child.Definition, child.BusinessKey, childDefinition.WriteCommand(child.StartCommand), child.Parties, child.Calendars, instance.AccountId, instance.Id), now));
            children.Add(InstanceIds.For(child.Definition, child.BusinessKey));
        }

        var finished = t.Outcome is not null;
        if (finished && instance.ParentId is { } parent)
        {
            outbox.Add(effects.ToOutbox(EffectId(instance.Id, seq, k++),
                new NotifyParentEffect(parent, instance.Id, instance.Definition, instance.BusinessKey, t.Outcome!, t.ResultJson), now));
        }

        var next = instance with
        {
            StateJson = t.StateJson,
            Step = t.Step,
            WaitingOn = finished ? null : t.WaitingOn,
            Status = finished ? ProcessStatus.Completed : ProcessStatus.Running,
            Outcome = t.Outcome,
            WakeUps = finished ? [] : wakeUps,
            Children = children,
            Parties = parties,
            Calendars = calendars,
            Sequence = seq,
            UpdatedAt = now,
        };
        if (IndexKeys.Changed(instance, next))
        {
            outbox.Add(effects.ToOutbox(EffectId(instance.Id, seq, k), new IndexEffect(IndexKeys.Of(instance)), now));
        }

        history.AddRange(outbox.Skip(instance.Outbox.Count).Select((e, n) => new HistoryEntry(seq, history.Count + n, now, "effect-decided", e.Kind, "decider", e.Id)));
        return (next with { Outbox = outbox }, history);
    }

    /// <summary>The parties and calendars after a decider's changes (e.g. an approval re-routed to a delegate).</summary>
    private static (IReadOnlyDictionary<string, IReadOnlyList<string>> Parties, IReadOnlyDictionary<string, PartyCalendar> Calendars) Rerouted(
        ProcessInstance instance, IReadOnlyList<PartyChange> changes)
    {
        if (changes.Count == 0)
        {
            return (instance.Parties, instance.Calendars);
        }

        var parties = new Dictionary<string, IReadOnlyList<string>>(instance.Parties, StringComparer.Ordinal);
        var calendars = new Dictionary<string, PartyCalendar>(instance.Calendars, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            parties[change.Party] = change.Members;
            if (change.Calendar is { } calendar)
            {
                calendars[change.Party] = calendar;
            }
        }

        return (parties, calendars);
    }

    private static (ProcessInstance Next, List<HistoryEntry> History) Record(
        ProcessInstance instance, DateTimeOffset now, string kind, string what, Sender sender, string detail)
    {
        var seq = instance.Sequence + 1;
        return (instance with { Sequence = seq, UpdatedAt = now }, [new HistoryEntry(seq, 0, now, kind, what, sender.ToString(), detail)]);
    }

    private static string EffectId(string instanceId, long sequence, int index) => $"{instanceId}.{sequence}.{index}";

    private static string Describe(EngineInput input) => input switch
    {
        EngineInput.Command c => c.Value.GetType().Name,
        EngineInput.WokeUp w => $"WokeUp:{w.Name}",
        EngineInput.ChildCompleted c => $"ChildCompleted:{c.ChildId}:{c.Outcome}",
        EngineInput.AccountReassigned => "AccountReassigned",
        _ => input.GetType().Name,
    };
}

public sealed partial class ProcessEngine
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an input for instance {InstanceId} from a {SenderKind} sender not allowed to send it")]
    private static partial void LogRefused(ILogger logger, string instanceId, SenderKind senderKind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a duplicate input for instance {InstanceId}")]
    private static partial void LogDuplicate(ILogger logger, string instanceId);
}

/// <summary>The sender may not send this input to this instance.</summary>
public sealed class NotAllowedException(string message) : Exception(message);
