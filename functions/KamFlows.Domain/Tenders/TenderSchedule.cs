namespace KamFlows.Domain.Tenders;

public enum MilestoneStatus
{
    /// <summary>Not given yet: its work is given when the milestone before it comes due.</summary>
    Planned,

    /// <summary>Its checklist tasks are with the KAM.</summary>
    Open,

    /// <summary>Every item of its checklist is done.</summary>
    Done,
}

/// <summary>
/// One milestone of a tender's schedule: when its work is given (<paramref name="Opens"/>, the day the
/// milestone before it is due; the first one on the day the bid is decided), when it is due, whether
/// it started late (due already past when it was planned), and how far it has come. Dates are the
/// nominal ones; the engine moves each wake-up to a business day of the account's calendar, never later.
/// </summary>
public sealed record PlannedMilestone(
    TenderMilestone Milestone,
    DateOnly Opens,
    DateOnly Due,
    bool LateStart,
    MilestoneStatus Status,
    IReadOnlyList<string> DoneItems,
    DateTimeOffset? OpenedAt = null,
    DateTimeOffset? DoneAt = null,
    bool Escalated = false)
{
    public string Code => TenderChecklists.Code(Milestone);

    public bool IsDone => Status == MilestoneStatus.Done;
}

/// <summary>A check of the buying group's coverage (at T−6 and T−3 months) and the gaps it found.</summary>
public sealed record CoverageCheck(string Name, DateOnly On, bool Done, IReadOnlyList<CoverageGap> Gaps, DateTimeOffset? At = null);

/// <summary>
/// The schedule of a tender as data, computed from the tender date when it is registered and again
/// when the date moves: every milestone at its offset before the date, and the two coverage checks
/// on the days the buying-group and bid-draft milestones are due.
/// </summary>
public static class TenderSchedule
{
    public const string CoverageAtSixMonths = "t-6";
    public const string CoverageAtThreeMonths = "t-3";

    /// <summary>A new schedule on <paramref name="today"/> (the account's date): milestones due before today start late.</summary>
    public static IReadOnlyList<PlannedMilestone> Plan(DateOnly tenderDate, DateOnly today, TenderTimings timings)
    {
        var planned = new List<PlannedMilestone>();
        var opens = today;
        foreach (var milestone in TenderChecklists.InOrder)
        {
            var due = timings.OffsetOf(milestone).Before(tenderDate);
            planned.Add(new PlannedMilestone(milestone, Min(opens, due), due, due < today, MilestoneStatus.Planned, []));
            opens = due;
        }

        return planned;
    }

    /// <summary>
    /// The schedule after the tender date moved: done milestones stay as they were; every other one gets
    /// its dates from the new tender date (an open one stays open with what is ticked), and is late when
    /// its new due date is already past, even when the new date comes before a milestone already done.
    /// </summary>
    public static IReadOnlyList<PlannedMilestone> Replan(IReadOnlyList<PlannedMilestone> current, DateOnly newTenderDate, DateOnly today, TenderTimings timings)
    {
        var fresh = Plan(newTenderDate, today, timings);
        var first = current.Count > 0 ? current[0].Opens : today;
        return [.. current.Zip(fresh, (was, next) => was.IsDone ? was : was with
        {
            Opens = was.Milestone == TenderChecklists.InOrder[0] ? Min(first, next.Due) : next.Opens,
            Due = next.Due,
            LateStart = next.Due < today,
            Escalated = false,
        })];
    }

    /// <summary>The coverage checks: on the due days of the buying-group (T−6) and bid-draft (T−3) milestones.</summary>
    public static IReadOnlyList<CoverageCheck> CoverageChecks(DateOnly tenderDate, TenderTimings timings) =>
    [
        new(CoverageAtSixMonths, timings.BuyingGroup.Before(tenderDate), false, []),
        new(CoverageAtThreeMonths, timings.BidDraft.Before(tenderDate), false, []),
    ];

    /// <summary>The checks after the date moved: done ones kept, the others on their new days.</summary>
    public static IReadOnlyList<CoverageCheck> ReplanChecks(IReadOnlyList<CoverageCheck> current, DateOnly newTenderDate, TenderTimings timings) =>
        [.. current.Zip(CoverageChecks(newTenderDate, timings), (was, next) => was.Done ? was : was with { On = next.On })];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
