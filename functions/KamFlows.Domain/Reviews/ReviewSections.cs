using KamFlows.Domain.Approvals;
using KamFlows.Domain.Plans;
using PlanSectionDiff = KamFlows.Domain.Plans.SectionDiff;

namespace KamFlows.Domain.Reviews;

/// <summary>
/// What the director is asked to approve: the plan's sections that changed since the last approved
/// version, each with the items added, removed and changed, so the director can reject some and
/// approve the rest. A plan that changed nowhere (progress only) is one section, the whole plan.
/// </summary>
public static class ReviewSections
{
    public const string WholePlan = "plan";

    public static IReadOnlyList<ApprovalSection> Of(IReadOnlyList<PlanSectionDiff> diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var changed = diff.Where(d => d.Changed).Select(d => new ApprovalSection(IdOf(d.Section), TitleOf(d.Section), Lines(d))).ToList();
        return changed.Count > 0 ? changed : [new ApprovalSection(WholePlan, "Account plan (progress only, no change since the last approved version)")];
    }

    public static string IdOf(PlanSection section) => section switch
    {
        PlanSection.FinancialSummary => "financial-summary",
        PlanSection.CustomerOverview => "customer-overview",
        PlanSection.CriticalSuccessFactors => "critical-success-factors",
        _ => section.ToString().ToLowerInvariant(),
    };

    private static string TitleOf(PlanSection section) => section switch
    {
        PlanSection.FinancialSummary => "Financial summary",
        PlanSection.CustomerOverview => "Customer overview",
        PlanSection.CriticalSuccessFactors => "Critical success factors",
        PlanSection.Goals => "Business goals",
        _ => section.ToString(),
    };

    private static Approvals.SectionDiff Lines(PlanSectionDiff d) => new(Lines:
    [
        .. d.Added.Select(a => new ChangedLine(LineChange.Added, a)),
        .. d.Removed.Select(r => new ChangedLine(LineChange.Removed, r)),
        .. d.Modified.Select(m => new ChangedLine(LineChange.Unchanged, "changed: " + m)),
    ]);
}
