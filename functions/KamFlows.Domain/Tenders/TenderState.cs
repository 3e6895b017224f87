using System.Text.Json.Serialization;

namespace KamFlows.Domain.Tenders;

public enum TenderPhase
{
    New,
    BidDecision,
    Preparing,
    AwaitingOutcome,
    NoBid,
    Won,
    Lost,
    CancelledByBuyer,
    Cancelled,

    /// <summary>The bid/no-bid request could not be decided (invalid parties, withdrawn).</summary>
    Undecided,
}

/// <summary>
/// A tender's preparation as it stands: what was registered (ids, reference, date, criteria, timings),
/// the schedule with each milestone's progress, the coverage checks, the warnings given, the sign-off
/// round, and once it has ended, how.
/// </summary>
public sealed record TenderState(
    TenderPhase Phase,
    TenderCommand.Register? Tender,
    DateOnly? TenderDate,
    IReadOnlyList<PlannedMilestone> Milestones,
    IReadOnlyList<CoverageCheck> CoverageChecks,
    IReadOnlyList<string> Warnings,
    int SignOffRound,
    bool SignOffPending,
    int DateChanges,
    DateTimeOffset? Since,
    string? EndReason,
    TenderResult? Result,
    IReadOnlyList<string> Reasons)
{
    public static TenderState New { get; } = new(TenderPhase.New, null, null, [], [], [], 0, false, 0, null, null, null, []);

    [JsonIgnore]
    public bool IsActive => Phase is TenderPhase.BidDecision or TenderPhase.Preparing or TenderPhase.AwaitingOutcome;

    public PlannedMilestone? MilestoneOf(TenderMilestone milestone) => Milestones.FirstOrDefault(m => m.Milestone == milestone);

    /// <summary>The first milestone not done yet, the one the tender is at.</summary>
    [JsonIgnore]
    public PlannedMilestone? Current => Milestones.FirstOrDefault(m => !m.IsDone);
}
