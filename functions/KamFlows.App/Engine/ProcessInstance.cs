using KamFlows.App.Work;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

public enum ProcessStatus
{
    Running,
    Completed,
    Terminated,
}

/// <summary>An effect decided by a committed transition and not yet known done: the outbox.</summary>
public sealed record OutboxEntry(
    string Id,
    string Kind,
    string Json,
    DateTimeOffset DecidedAt,
    int Attempts = 0,
    string? LastError = null,
    DateTimeOffset? LastAttemptAt = null,
    DateTimeOffset? ClaimedUntil = null);

/// <summary>A wake-up the instance waits for.</summary>
public sealed record PendingWakeUp(string Name, DateTimeOffset DueAt);

/// <summary>
/// One process instance as stored: the entity at row "instance" of the instance's partition. Its
/// state, outbox and pending wake-ups change only together, in one transaction with the history.
/// </summary>
public sealed record ProcessInstance
{
    public required string Id { get; init; }
    public required string Definition { get; init; }
    public required int Version { get; init; }
    public required string BusinessKey { get; init; }
    public ProcessStatus Status { get; init; } = ProcessStatus.Running;
    public string Step { get; init; } = "";
    public string? Outcome { get; init; }
    public string? StateJson { get; init; }
    public IReadOnlyList<OutboxEntry> Outbox { get; init; } = [];
    public IReadOnlyList<PendingWakeUp> WakeUps { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Parties { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyDictionary<string, PartyCalendar> Calendars { get; init; } = new Dictionary<string, PartyCalendar>();
    public string? AccountId { get; init; }
    public string? ParentId { get; init; }
    public IReadOnlyList<string> Children { get; init; } = [];
    public WaitingOn? WaitingOn { get; init; }

    /// <summary>Transitions committed so far; numbers the history rows.</summary>
    public long Sequence { get; init; }

    /// <summary>This instance's row in the due-timer index, if it has one.</summary>
    public DueRow? DueRow { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? NextWakeUpAt => WakeUps.Count == 0 ? null : WakeUps.Min(w => w.DueAt);

    public bool IsRunning => Status == ProcessStatus.Running;
}

/// <summary>One line of an instance's append-only history: ids and names only, never personal data.</summary>
public sealed record HistoryEntry(
    long Sequence,
    int Index,
    DateTimeOffset At,
    string Kind,
    string What,
    string By,
    string? Detail);
