using System.Text.Json.Serialization;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Reviews;

public enum ReviewPhase
{
    New,

    /// <summary>Opened: the KAM updates the plan and submits.</summary>
    WithKam,

    /// <summary>Submitted: the director decides through the round's approval request.</summary>
    AwaitingApproval,

    /// <summary>Sent back: the KAM revises and submits again.</summary>
    Revising,

    /// <summary>Approved: the version is frozen, the class change applied, the review closed.</summary>
    Approved,

    /// <summary>Asked for with parties it cannot run with: closed at once, nothing sent.</summary>
    Refused,
}

/// <summary>
/// A quarterly review as it stands: whose plan and which quarter, the package, the people, where the
/// KAM's turn stands (since when, overdue, escalated), and every approval round.
/// </summary>
public sealed record QuarterlyReviewState(
    ReviewPhase Phase,
    string? AccountId,
    string? Quarter,
    ReviewPackage? Package,
    string? KamUserId,
    string? HeadOfKamUserId,
    string? DirectorUserId,
    IReadOnlyList<string> AlternateUserIds,
    PartyCalendar? DirectorCalendar,
    PartyCalendar? AlternateCalendar,
    ReviewTimings Timings,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? Since,
    bool Overdue,
    DateTimeOffset? EscalatedAt,
    int Reminders,
    IReadOnlyList<ReviewRound> Rounds,
    DateTimeOffset? ClosedAt)
{
    public static QuarterlyReviewState New { get; } = new(
        ReviewPhase.New, null, null, null, null, null, null, [], null, null, ReviewTimings.Default, null, null, false, null, 0, [], null);

    /// <summary>The KAM has to act: the review is open or sent back.</summary>
    [JsonIgnore]
    public bool WithTheKam => Phase is ReviewPhase.WithKam or ReviewPhase.Revising;

    [JsonIgnore]
    public ReviewRound? CurrentRound => Rounds.Count == 0 ? null : Rounds[^1];
}

/// <summary>One submission and what the approver made of it.</summary>
public sealed record ReviewRound(
    int Number,
    int PlanVersion,
    string ApprovalKey,
    DateTimeOffset SubmittedAt,
    string? Outcome = null,
    DateTimeOffset? EndedAt = null,
    string? DecidedByUserId = null,
    string? Comment = null,
    IReadOnlyList<SectionResult>? Sections = null);
