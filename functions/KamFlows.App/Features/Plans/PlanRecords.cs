using KamFlows.Domain.Plans;

namespace KamFlows.App.Features.Plans;

/// <summary>The working copy of an account's plan. <see cref="Revision"/> counts its saves (the task requests follow it).</summary>
public sealed record PlanDraft(AccountPlan Plan, int Revision, string UpdatedByUserId, DateTimeOffset UpdatedAt);

/// <summary>Where an account's plan versions stand: the newest number, the last approved, the one waiting for a decision.</summary>
public sealed record PlanHead(int LatestVersion, int? LastApprovedVersion, int? PendingVersion)
{
    public static PlanHead None { get; } = new(0, null, null);
}

/// <summary>A frozen version of a plan (its content never changes) and the decision on it.</summary>
public sealed record PlanVersion(
    int Number,
    PlanVersionStatus Status,
    AccountPlan Plan,
    string SubmittedByUserId,
    DateTimeOffset SubmittedAt,
    string? DecidedByUserId,
    DateTimeOffset? DecidedAt,
    string? Comment)
{
    public PlanVersionSummary Summary() => new(Number, Status, SubmittedByUserId, SubmittedAt, DecidedByUserId, DecidedAt, Comment);
}

/// <summary>A version without its content, for lists.</summary>
public sealed record PlanVersionSummary(
    int Number, PlanVersionStatus Status, string SubmittedByUserId, DateTimeOffset SubmittedAt, string? DecidedByUserId, DateTimeOffset? DecidedAt, string? Comment);
