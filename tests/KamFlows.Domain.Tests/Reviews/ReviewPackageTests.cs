using KamFlows.Domain.Accounts;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Plans;
using KamFlows.Domain.Portfolio;
using KamFlows.Domain.Reviews;

namespace KamFlows.Domain.Tests.Reviews;

/// <summary>The package shows the quarter just ended; the director sees the sections that changed.</summary>
public sealed class ReviewPackageTests
{
    private static AccountPlan Plan() => new("m", new FinancialSummary("EUR", 1, 2, null), new CustomerOverview("", []), [], [], [], [],
    [
        new BusinessGoal("g1", "Grow", "Revenue", 10, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
        [
            new Milestone("m1", "2026-Q1", 5, 6, []),
            new Milestone("m2", "2026-Q2", 8, null, []),
        ]),
        new BusinessGoal("g2", "Keep", "Share", 1, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [new Milestone("m3", "2026-Q1", 1, 0.5m, [])]),
    ]);

    private static readonly HealthAssessment Health = new(new DateOnly(2026, 4, 1), 65, [new RiskSignal(RiskCause.Neglect, "No meeting for 70 days", ["c1"], 25), new RiskSignal(RiskCause.OpenComplaints, "1 open", ["l1"], 10)]);

    [Fact]
    public void The_review_held_in_a_quarter_shows_the_milestones_of_the_quarter_before()
    {
        var package = ReviewPackages.Of(new Quarter(2026, 2), Plan(), AccountClass.B, AccountClass.A, Health);

        Assert.Equal("2026-Q1", package.ReviewedQuarter);
        Assert.Equal([("g1", "m1", true), ("g2", "m3", false)], package.Milestones.Select(m => (m.GoalId, m.MilestoneId, m.Met)));
        Assert.Equal(1, package.MilestonesMet);
        Assert.Equal(new ClassChangeProposal(AccountClass.B, AccountClass.A), package.ClassChange);
        Assert.Equal(65, package.HealthScore);
        Assert.Equal([new ReviewRisk(RiskCause.Neglect, 25), new ReviewRisk(RiskCause.OpenComplaints, 10)], package.Risks);
    }

    [Fact]
    public void The_first_quarter_of_a_year_reviews_the_last_of_the_year_before() =>
        Assert.Equal("2025-Q4", ReviewPackages.Of(new Quarter(2026, 1), null, null, null, Health).ReviewedQuarter);

    [Fact]
    public void No_class_change_is_proposed_when_the_class_stays() =>
        Assert.Null(ReviewPackages.Of(new Quarter(2026, 2), Plan(), AccountClass.B, AccountClass.B, Health).ClassChange);

    [Fact]
    public void The_sections_to_approve_are_the_changed_ones_with_their_items()
    {
        var diff = PlanDiff.Between(Plan(), Plan() with { Objectives = ["Win the tender"], Mission = "new" });

        var sections = ReviewSections.Of(diff);

        Assert.Equal(["mission", "objectives"], sections.Select(s => s.Id));
        Assert.Equal([new ChangedLine(LineChange.Added, "Win the tender")], sections[1].Diff!.Lines);
    }

    [Fact]
    public void A_plan_unchanged_since_its_approval_is_one_section_the_whole_plan() =>
        Assert.Equal([ReviewSections.WholePlan], ReviewSections.Of(PlanDiff.Between(Plan(), Plan())).Select(s => s.Id));

    [Fact]
    public void A_first_plan_with_no_approved_version_shows_every_filled_section_as_new() =>
        Assert.Contains("goals", ReviewSections.Of(PlanDiff.Between(null, Plan())).Select(s => s.Id));

    [Fact]
    public void Timings_that_remind_after_the_due_date_are_refused() =>
        Assert.NotNull(new ReviewTimings(SubmitWithinBusinessDays: 3, RemindBeforeDueBusinessDays: 3).Problem());

}
