namespace KamFlows.Domain.Tenders;

/// <summary>What happened to a tender's preparation. The history records their names; the state keeps the rest.</summary>
public abstract record TenderEvent
{
    public sealed record Registered(
        TenderCommand.Register Tender,
        IReadOnlyList<PlannedMilestone> Milestones,
        IReadOnlyList<CoverageCheck> CoverageChecks,
        IReadOnlyList<string> Warnings,
        DateTimeOffset At) : TenderEvent;

    public sealed record BidApproved(string? By, DateTimeOffset At) : TenderEvent;

    public sealed record NoBid(string Reason, string? By, DateTimeOffset At) : TenderEvent;

    /// <summary>The bid/no-bid request ended without a decision (it was invalid or withdrawn): the tender cannot go on.</summary>
    public sealed record BidUndecided(string Outcome, DateTimeOffset At) : TenderEvent;

    public sealed record MilestoneOpened(TenderMilestone Milestone, bool Late, DateTimeOffset At) : TenderEvent;

    public sealed record ItemTicked(TenderMilestone Milestone, string Item, string? By, DateTimeOffset At) : TenderEvent;

    public sealed record MilestoneDone(TenderMilestone Milestone, DateTimeOffset At) : TenderEvent;

    public sealed record Reminded(TenderMilestone Milestone, DateTimeOffset At) : TenderEvent;

    public sealed record Escalated(TenderMilestone Milestone, DateTimeOffset At) : TenderEvent;

    public sealed record Replanned(
        DateOnly TenderDate,
        bool Postponed,
        IReadOnlyList<PlannedMilestone> Milestones,
        IReadOnlyList<CoverageCheck> CoverageChecks,
        DateTimeOffset At) : TenderEvent;

    public sealed record CoverageChecked(string Check, IReadOnlyList<CoverageGap> Gaps, DateTimeOffset At) : TenderEvent;

    public sealed record SignOffRequested(int Round, DateTimeOffset At) : TenderEvent;

    public sealed record SignOffRejected(int Round, string? Comment, DateTimeOffset At) : TenderEvent;

    public sealed record SignOffApproved(int Round, string? By, DateTimeOffset At) : TenderEvent;

    public sealed record OutcomeRecorded(TenderResult Result, IReadOnlyList<string> Reasons, string? Comment, string? By, DateTimeOffset At) : TenderEvent;

    public sealed record Cancelled(string Reason, string? By, DateTimeOffset At) : TenderEvent;
}
