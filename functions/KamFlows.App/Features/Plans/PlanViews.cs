using System.ComponentModel.DataAnnotations;
using KamFlows.App.Features.Accounts;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Plans;

namespace KamFlows.App.Features.Plans;

/// <summary>An account's plan as read: the draft, and where its versions stand.</summary>
public sealed record PlanView(
    string AccountId, AccountPlan Plan, int Revision, string UpdatedByUserId, DateTimeOffset UpdatedAt, int? LatestVersion, int? LastApprovedVersion, int? PendingVersion)
{
    public static PlanView Of(string accountId, PlanDraft draft, PlanHead? head) => new(
        accountId, draft.Plan, draft.Revision, draft.UpdatedByUserId, draft.UpdatedAt,
        head is { LatestVersion: > 0 } h ? h.LatestVersion : null, head?.LastApprovedVersion, head?.PendingVersion);
}

/// <summary>The goals of the draft with their progress on <see cref="Today"/> (the account's date).</summary>
public sealed record GoalsView(string AccountId, DateOnly Today, IReadOnlyList<GoalProgress> Goals);

/// <summary>The draft against the last approved version (null: none approved yet), section by section.</summary>
public sealed record PlanDiffView(string AccountId, int? ApprovedVersion, int Revision, IReadOnlyList<SectionDiff> Sections);

/// <summary>The task requests of an account's plan and stage moves (see <see cref="PlanTaskOutbox"/>).</summary>
public sealed record PlanTasksView(string AccountId, IReadOnlyList<StoredTaskRequest> Requests);

/// <summary>A director's (head of KAM's, administrator's) decision on a submitted version.</summary>
public sealed record DecisionInput(
    [property: Required] bool? Approved,
    [property: StringLength(2000)] string? Comment);

/// <summary>A move to another relationship stage, and why.</summary>
public sealed record StageInput(
    [property: Required] RelationshipStage? Stage,
    [property: Required, StringLength(1000, MinimumLength = 3)] string? Reason);

/// <summary>The account after a stage move, and the move with the playbook tasks it asked for.</summary>
public sealed record StageMoved(Account Account, StageMove Move);

/// <summary>An account's current stage and its moves, oldest first.</summary>
public sealed record StageHistory(string AccountId, RelationshipStage Stage, IReadOnlyList<StageMove> Moves);
