using KamFlows.Domain.Plans;

namespace KamFlows.Domain.Tests.Plans;

public sealed class PlanDiffTests
{
    private static SectionDiff Section(IReadOnlyList<SectionDiff> diff, PlanSection section) => diff.Single(d => d.Section == section);

    [Fact]
    public void An_unchanged_draft_differs_in_no_section()
    {
        var diff = PlanDiff.Between(Plans.Sample(), Plans.Sample());

        Assert.Equal(Enum.GetValues<PlanSection>(), diff.Select(d => d.Section));
        Assert.All(diff, d => Assert.False(d.Changed));
    }

    [Fact]
    public void Each_changed_section_is_named_with_the_items_that_came_went_or_changed()
    {
        var approved = Plans.Sample();
        var draft = approved with
        {
            Mission = "Be the group's partner for oncology",
            CriticalSuccessFactors = ["Speed of delivery", "Training nurses"],
            Portfolio = [approved.Portfolio[0] with { TargetRevenue = 1_800_000 }, new PortfolioLine("Biosimilars", "BRL", 0, 200_000)],
            Goals = [.. approved.Goals, new BusinessGoal("g2", "Biosimilars", "Revenue", 200_000, new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), [])],
        };

        var diff = PlanDiff.Between(approved, draft);

        Assert.Equal(
            [PlanSection.Mission, PlanSection.CriticalSuccessFactors, PlanSection.Portfolio, PlanSection.Goals],
            diff.Where(d => d.Changed).Select(d => d.Section));
        var factors = Section(diff, PlanSection.CriticalSuccessFactors);
        Assert.Equal(["Training nurses"], factors.Added);
        Assert.Equal(["Clinical support"], factors.Removed);
        var portfolio = Section(diff, PlanSection.Portfolio);
        Assert.Equal(["Biosimilars"], portfolio.Added);
        Assert.Equal(["Generics"], portfolio.Removed);
        Assert.Equal(["Oncology"], portfolio.Modified);
        Assert.Equal(["g2"], Section(diff, PlanSection.Goals).Added);
    }

    [Fact]
    public void A_changed_milestone_target_modifies_its_goal()
    {
        var draft = Plans.Sample().WithGoal(g => g.WithMilestone(1, m => m with { Target = 1_000_000 }));

        var goals = Section(PlanDiff.Between(Plans.Sample(), draft), PlanSection.Goals);

        Assert.True(goals.Changed);
        Assert.Equal(["g1"], goals.Modified);
    }

    [Fact]
    public void Progress_is_not_a_change_of_plan()
    {
        var draft = Plans.Sample().WithGoal(g => g.WithMilestone(0, m => m with
        {
            Actual = 720_000,
            Actions = [.. m.Actions.Select(a => a with { Done = true })],
        }));

        Assert.All(PlanDiff.Between(Plans.Sample(), draft), d => Assert.False(d.Changed));
    }

    [Fact]
    public void Reordering_a_list_changes_its_section_without_adding_or_removing()
    {
        var approved = Plans.Sample();
        var draft = approved with { CriticalSuccessFactors = [.. approved.CriticalSuccessFactors.Reverse()] };

        var factors = Section(PlanDiff.Between(approved, draft), PlanSection.CriticalSuccessFactors);

        Assert.True(factors.Changed);
        Assert.Empty(factors.Added);
        Assert.Empty(factors.Removed);
    }

    [Fact]
    public void Without_an_approved_version_everything_in_the_draft_is_new()
    {
        var diff = PlanDiff.Between(null, Plans.Sample());

        Assert.All(diff, d => Assert.True(d.Changed));
        Assert.Equal(["g1"], Section(diff, PlanSection.Goals).Added);
    }
}
