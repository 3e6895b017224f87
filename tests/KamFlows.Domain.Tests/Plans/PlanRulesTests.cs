using KamFlows.Domain.Plans;

namespace KamFlows.Domain.Tests.Plans;

public sealed class PlanRulesTests
{
    private static readonly HashSet<string> Team = ["kam1", "cokam"];
    private static readonly HashSet<string> Contacts = ["ana", "rui"];

    private static IReadOnlyList<PlanProblem> Check(AccountPlan plan) => PlanRules.Check(plan, Team, Contacts);

    [Fact]
    public void The_sample_plan_holds() => Assert.Empty(Check(Plans.Sample()));

    [Fact]
    public void A_milestone_outside_the_goals_dates_is_named_by_its_path()
    {
        var plan = Plans.Sample().WithGoal(g => g.WithMilestone(1, m => m with { Quarter = "2027-Q1", Actions = [] }));

        var problem = Assert.Single(Check(plan));

        Assert.Equal("goals[0].milestones[1].quarter", problem.Path);
        Assert.Contains("outside the goal's dates", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_milestone_in_a_quarter_the_goal_only_touches_is_inside()
    {
        // The goal runs from 15 March: its first quarter is Q1 all the same.
        var plan = Plans.Sample().WithGoal(g => g with { Start = new DateOnly(2026, 3, 15) });

        Assert.Empty(Check(plan));
    }

    [Fact]
    public void A_goal_due_before_it_starts_is_wrong()
    {
        var plan = Plans.Sample().WithGoal(g => g with { Start = new DateOnly(2027, 1, 1), Milestones = [] });

        Assert.Equal("goals[0].due", Assert.Single(Check(plan)).Path);
    }

    [Fact]
    public void Two_milestones_in_one_quarter_and_a_malformed_quarter_are_wrong()
    {
        var twice = Plans.Sample().WithGoal(g => g.WithMilestone(1, m => m with { Quarter = "2026-Q1" }));
        var malformed = Plans.Sample().WithGoal(g => g.WithMilestone(1, m => m with { Quarter = "Q2 2026" }));

        Assert.Contains(Check(twice), p => p.Path == "goals[0].milestones[1].quarter" && p.Message.Contains("two milestones", StringComparison.Ordinal));
        Assert.Equal("goals[0].milestones[1].quarter", Assert.Single(Check(malformed)).Path);
    }

    [Fact]
    public void An_action_due_after_its_milestones_quarter_is_wrong()
    {
        var plan = Plans.Sample().WithGoal(g => g.WithMilestone(0, m => m with { Actions = [Plans.Action("a1", "2026-04-01")] }));

        Assert.Equal("goals[0].milestones[0].actions[0].due", Assert.Single(Check(plan)).Path);
    }

    [Fact]
    public void Ids_are_unique_across_the_plan_and_key_safe()
    {
        var plan = Plans.Sample().WithGoal(g => g
            .WithMilestone(0, m => m with { Actions = [Plans.Action("a1", "2026-02-15"), Plans.Action("a3", "2026-02-15")] })
            .WithMilestone(1, m => m with { Id = "m/2" }));

        var problems = Check(plan);

        Assert.Contains(problems, p => p.Path == "goals[0].milestones[1].actions[0].id" && p.Message.Contains("'a3'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "goals[0].milestones[1].id");
    }

    [Fact]
    public void Owners_are_of_the_team_and_contacts_of_the_account()
    {
        var plan = Plans.Sample() with { CustomerOverview = new CustomerOverview("", ["ana", "stranger", "ana"]) };
        plan = plan.WithGoal(g => g.WithMilestone(0, m => m with
        {
            Actions = [Plans.Action("a1", "2026-02-15", owner: "someone-else") with { ContactId = "nobody" }, Plans.Action("a2", "2026-02-15", owner: "cokam")],
        }));

        var paths = Check(plan).Select(p => p.Path).ToList();

        Assert.Equal(
            ["customerOverview.keyContactIds[1]", "customerOverview.keyContactIds", "goals[0].milestones[0].actions[0].ownerUserId", "goals[0].milestones[0].actions[0].contactId"],
            paths);
    }

    [Fact]
    public void Portfolio_lines_are_unique_and_currencies_are_codes()
    {
        var plan = Plans.Sample() with
        {
            FinancialSummary = new FinancialSummary("real", 1, 2, null),
            Portfolio = [new PortfolioLine("Oncology", "BRL", 1, 2), new PortfolioLine("oncology ", "BRL", 1, 2)],
        };

        Assert.Equal(["financialSummary.currency", "portfolio[1].line"], Check(plan).Select(p => p.Path));
    }
}
