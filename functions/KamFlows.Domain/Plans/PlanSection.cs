namespace KamFlows.Domain.Plans;

/// <summary>The sections of an account plan: what a diff and an approval request are made of.</summary>
public enum PlanSection
{
    Mission,
    FinancialSummary,
    CustomerOverview,
    CriticalSuccessFactors,
    Portfolio,
    Assumptions,
    Objectives,
    Goals,
}
