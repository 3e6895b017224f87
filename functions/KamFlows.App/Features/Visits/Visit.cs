using System.ComponentModel.DataAnnotations;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Visits;

namespace KamFlows.App.Features.Visits;

public enum VisitStatus
{
    Planned,
    Done,
}

/// <summary>Where a visit stands as a page shows it: planned on its day, moved by the KAM to another, done, or missed (still planned, its day gone).</summary>
public enum VisitStanding
{
    Planned,
    Moved,
    Done,
    Missed,
}

/// <summary>
/// A visit or call of the KAM's week: planned for an account on a business day, with its task; done
/// when recorded (the interaction it became). Planned and its day gone: missed.
/// <paramref name="MovedFrom"/>: the day the plan first gave it, once the KAM moved it (null before,
/// and for visits moved before this was kept).
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
    DateTimeOffset? DoneAt,
    DateOnly? MovedFrom = null)
{
    /// <summary>Still planned on a day before <paramref name="today"/>.</summary>
    public bool IsMissedOn(DateOnly today) => Status == VisitStatus.Planned && PlannedOn < today;

    /// <summary>On another day than the plan gave it (moved back to that day, it is as planned).</summary>
    public bool IsMoved => MovedFrom is { } from && from != PlannedOn;

    /// <summary>The key of the planning that made it: the task's source key (and its effect id, so the task is created once).</summary>
    public static string KeyOf(string accountId, IsoWeek week, string kamUserId) => $"visit|{accountId}|{week}|{kamUserId}";
}

/// <summary>
/// A visit as a list shows it: missed or not on the reader's today, and when its task is due while it
/// is open (the week's list only: null in an account's list, and once the visit is done).
/// </summary>
public sealed record VisitView(Visit Visit, string? AccountName, bool Missed, DateTimeOffset? DueAt = null)
{
    /// <summary>Done wins; a moved visit whose new day is gone is missed all the same.</summary>
    public VisitStanding Standing => Visit.Status == VisitStatus.Done ? VisitStanding.Done
        : Missed ? VisitStanding.Missed : Visit.IsMoved ? VisitStanding.Moved : VisitStanding.Planned;
}

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
