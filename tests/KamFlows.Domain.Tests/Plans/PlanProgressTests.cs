using KamFlows.Domain.Plans;

namespace KamFlows.Domain.Tests.Plans;

public sealed class PlanProgressTests
{
    [Fact]
    public void Actions_done_roll_up_to_milestones_and_the_goal()
    {
        // m1: 1 of 2 actions done (0.5); m2: 1 of 1 (1.0); goal: mean 0.75.
        var plan = Plans.Sample().WithGoal(g => g
            .WithMilestone(0, m => m with { Actions = [Plans.Action("a1", "2026-02-15", done: true), Plans.Action("a2", "2026-03-20")] })
            .WithMilestone(1, m => m with { Actions = [Plans.Action("a3", "2026-06-01", done: true)] }));

        var goal = Assert.Single(PlanProgress.Of(plan, new DateOnly(2026, 3, 1)));

        Assert.Equal([0.5m, 1m], goal.Milestones.Select(m => m.Progress));
        Assert.Equal(0.75m, goal.Progress);
        Assert.Equal(1, goal.Milestones[0].ActionsDone);
        Assert.Equal(2, goal.Milestones[0].ActionsTotal);
        Assert.False(goal.Behind);
    }

    [Fact]
    public void Thirds_are_rounded_to_four_places()
    {
        var plan = Plans.Sample().WithGoal(g => g with
        {
            Milestones = [g.Milestones[0] with { Actions = [Plans.Action("a1", "2026-02-15", done: true), Plans.Action("a2", "2026-03-01"), Plans.Action("a4", "2026-03-01")] }],
        });

        Assert.Equal(0.3333m, PlanProgress.Of(plan, new DateOnly(2026, 1, 1))[0].Progress);
    }

    [Fact]
    public void A_milestone_whose_quarter_ended_below_target_is_behind_and_so_is_its_goal()
    {
        var plan = Plans.Sample().WithGoal(g => g
            .WithMilestone(0, m => m with { Actual = 650_000 })
            .WithMilestone(1, m => m with { Actual = 950_000 }));

        var onLastDay = PlanProgress.Of(plan, new DateOnly(2026, 3, 31))[0];
        var dayAfter = PlanProgress.Of(plan, new DateOnly(2026, 4, 1))[0];

        Assert.False(onLastDay.Behind);
        Assert.True(dayAfter.Milestones[0].Behind);
        Assert.False(dayAfter.Milestones[0].Met);
        Assert.True(dayAfter.Milestones[1].Met);
        Assert.False(dayAfter.Milestones[1].Behind);
        Assert.True(dayAfter.Behind);
    }

    [Fact]
    public void A_quarter_ended_with_no_actual_recorded_is_behind_one_that_reached_its_target_is_not()
    {
        var unknown = PlanProgress.Of(Plans.Sample(), new DateOnly(2026, 4, 1))[0].Milestones[0];
        var reached = PlanProgress.Of(Plans.Sample().WithGoal(g => g.WithMilestone(0, m => m with { Actual = 700_000 })), new DateOnly(2026, 4, 1))[0].Milestones[0];

        Assert.True(unknown.Behind);
        Assert.False(reached.Behind);
        Assert.True(reached.Met);
    }

    [Fact]
    public void A_milestone_without_actions_counts_its_value()
    {
        var plan = Plans.Sample().WithGoal(g => g with
        {
            Milestones = [g.Milestones[0] with { Actions = [], Actual = 350_000 }, g.Milestones[1] with { Actions = [], Actual = 1_000_000 }],
        });

        var goal = PlanProgress.Of(plan, new DateOnly(2026, 2, 1))[0];

        Assert.Equal([0.5m, 1m], goal.Milestones.Select(m => m.Progress));
        Assert.Equal(0.75m, goal.Progress);
    }

    [Fact]
    public void Open_actions_past_their_date_are_overdue_and_a_goal_without_milestones_has_no_progress()
    {
        var today = new DateOnly(2026, 3, 1);
        var goal = PlanProgress.Of(Plans.Sample(), today)[0];
        var empty = PlanProgress.Of(Plans.Sample().WithGoal(g => g with { Milestones = [] }), today)[0];

        Assert.Equal(["a1"], goal.Milestones[0].OverdueActionIds);
        Assert.Equal(0m, empty.Progress);
        Assert.False(empty.Behind);
    }
}
