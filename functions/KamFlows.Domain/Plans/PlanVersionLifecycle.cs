namespace KamFlows.Domain.Plans;

/// <summary>
/// The only moves a version makes: a decision on a submitted version (approved or rejected), and a
/// submitted version superseded when a newer one is submitted before anyone decided. A version that
/// was decided or superseded stays so; its content never changes at all.
/// </summary>
public static class PlanVersionLifecycle
{
    /// <summary>The status after a decision, or null when <paramref name="current"/> takes no decision.</summary>
    public static PlanVersionStatus? Decide(PlanVersionStatus current, bool approved) =>
        current == PlanVersionStatus.Submitted ? (approved ? PlanVersionStatus.Approved : PlanVersionStatus.Rejected) : null;

    /// <summary>What a submission does to the version that was waiting: it no longer waits.</summary>
    public static PlanVersionStatus OnNewerSubmission(PlanVersionStatus current) =>
        current == PlanVersionStatus.Submitted ? PlanVersionStatus.Superseded : current;
}
