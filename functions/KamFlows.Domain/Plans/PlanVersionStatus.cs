namespace KamFlows.Domain.Plans;

/// <summary>
/// Where a frozen version of a plan stands. Submitted waits for a decision; a newer submission
/// supersedes it; approved and rejected are final. The content of a version never changes.
/// </summary>
public enum PlanVersionStatus
{
    Submitted,
    Approved,
    Rejected,
    Superseded,
}
