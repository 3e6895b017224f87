using KamFlows.Domain.Plans;

namespace KamFlows.Domain.Tests.Plans;

/// <summary>A small plan to start each test from: one goal for 2026 with two milestones.</summary>
internal static class Plans
{
    public static PlanAction Action(string id, string due, bool done = false, string owner = "kam1") =>
        new(id, "Do " + id, owner, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), done, null);

    public static AccountPlan Sample() => new(
        "Be the hospital's first supplier of oncology drugs",
        new FinancialSummary("BRL", 1_000_000, 2_000_000, null),
        new CustomerOverview("Private hospital group, 5 sites", ["ana"]),
        ["Speed of delivery", "Clinical support"],
        [new PortfolioLine("Oncology", "BRL", 600_000, 1_500_000), new PortfolioLine("Generics", "BRL", 400_000, 500_000)],
        ["Budget approved in March"],
        ["Win the 2026 tender"],
        [
            new BusinessGoal("g1", "Grow oncology", "Oncology revenue (BRL)", 1_500_000, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
            [
                new Milestone("m1", "2026-Q1", 700_000, null, [Action("a1", "2026-02-15"), Action("a2", "2026-03-20")]),
                new Milestone("m2", "2026-Q2", 900_000, null, [Action("a3", "2026-06-01")]),
            ]),
        ]);

    public static AccountPlan WithGoal(this AccountPlan plan, Func<BusinessGoal, BusinessGoal> change) =>
        plan with { Goals = [change(plan.Goals[0]), .. plan.Goals.Skip(1)] };

    public static BusinessGoal WithMilestone(this BusinessGoal goal, int index, Func<Milestone, Milestone> change) =>
        goal with { Milestones = [.. goal.Milestones.Select((m, i) => i == index ? change(m) : m)] };
}
