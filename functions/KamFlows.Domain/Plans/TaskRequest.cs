namespace KamFlows.Domain.Plans;

/// <summary>Why a plan asks for a task.</summary>
public enum PlanTaskKind
{
    /// <summary>An action of a milestone of the account plan.</summary>
    PlanAction,

    /// <summary>A step of the playbook of the relationship stage the account moved to.</summary>
    StagePlaybook,
}

/// <summary>Whether the task the plan asks for is to be done, was done, or is no longer wanted (its action left the plan).</summary>
public enum PlanTaskStatus
{
    Open,
    Done,
    Withdrawn,
}

/// <summary>
/// A task the plan wants in someone's task list. <see cref="Key"/> is stable (the same action or
/// playbook step always gives the same key), so whoever turns requests into tasks does it once per
/// key and updates the task when the request changes. <see cref="Origin"/> says where in the plan it
/// comes from.
/// </summary>
public sealed record TaskRequest(
    string Key,
    PlanTaskKind Kind,
    string AccountId,
    string AssigneeUserId,
    DateOnly Due,
    string Title,
    PlanTaskStatus Status,
    string Origin);
