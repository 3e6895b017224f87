using System.ComponentModel.DataAnnotations;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Visits;

namespace KamFlows.App.Features.Visits;

public enum VisitStatus
{
    Planned,
    Done,
}

/// <summary>
/// A visit or call of the KAM's week: planned for an account on a business day, with its task; done
/// when recorded (the interaction it became). Planned and its day gone: missed.
/// </summary>
public sealed record Visit(
    string AccountId,
    string Week,
    string KamUserId,
    InteractionKind Kind,
    DateOnly PlannedOn,
    string TaskId,
    VisitStatus Status,
    string? InteractionId,
    DateTimeOffset? DoneAt)
{
    /// <summary>Still planned on a day before <paramref name="today"/>.</summary>
    public bool IsMissedOn(DateOnly today) => Status == VisitStatus.Planned && PlannedOn < today;

    /// <summary>The key of the planning that made it: the task's source key (and its effect id, so the task is created once).</summary>
    public static string KeyOf(string accountId, IsoWeek week, string kamUserId) => $"visit|{accountId}|{week}|{kamUserId}";
}

/// <summary>A visit as a list shows it: missed or not on the reader's today.</summary>
public sealed record VisitView(Visit Visit, string? AccountName, bool Missed);

/// <summary>The visits of an account, the missed ones counted.</summary>
public sealed record AccountVisits(IReadOnlyList<VisitView> Visits, int Missed);

/// <summary>One day of the KAM's week: whether it is a business day, its visits and calls, and the other tasks due that day.</summary>
public sealed record WeekDay(DateOnly Date, bool BusinessDay, IReadOnlyList<VisitView> Visits, IReadOnlyList<WeekTask> Tasks);

public sealed record WeekTask(string Id, string Kind, string? Title, string? AccountId, DateTimeOffset DueAt);

public sealed record MyWeek(string Week, IReadOnlyList<WeekDay> Days);

public sealed record VisitMoveInput([property: Required] DateOnly? On);

public sealed record VisitRecordInput(
    [property: Required] DateTimeOffset? OccurredAt,
    [property: Required, StringLength(4000, MinimumLength = 1)] string? Summary,
    [property: MaxLength(20)] string[]? ContactIds);

/// <summary>A cadence set by hand for one account (wins over its class's).</summary>
public sealed record CadenceInput(
    [property: Required, Range(1, Cadence.MaxWeeks)] int? EveryWeeks,
    [property: Required] InteractionKind? Kind);
