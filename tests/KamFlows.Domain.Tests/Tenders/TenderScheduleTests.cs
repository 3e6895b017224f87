using KamFlows.Domain.Tenders;

namespace KamFlows.Domain.Tests.Tenders;

/// <summary>The schedule as data: milestones at their offsets before the tender date, late ones flagged, and planning again after the date moved.</summary>
public sealed class TenderScheduleTests
{
    private static readonly DateOnly Tender = new(2026, 12, 15);

    [Fact]
    public void Milestones_fall_at_nine_six_three_and_one_month_one_week_and_the_day_before_the_tender()
    {
        var plan = TenderSchedule.Plan(Tender, new DateOnly(2026, 3, 1), TenderTimings.Default);

        Assert.Equal(
            [new DateOnly(2026, 3, 15), new DateOnly(2026, 6, 15), new DateOnly(2026, 9, 15), new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 8), Tender],
            plan.Select(m => m.Due));
        Assert.Equal(TenderChecklists.InOrder, plan.Select(m => m.Milestone));
        Assert.All(plan, m => Assert.False(m.LateStart));
        // Each opens when the one before is due; the first on the day it is planned.
        Assert.Equal([new DateOnly(2026, 3, 1), .. plan.Take(5).Select(m => m.Due)], plan.Select(m => m.Opens));
    }

    [Fact]
    public void Offsets_come_from_the_timings()
    {
        var timings = TenderTimings.Default with { Needs = new TenderOffset(12), FinalDocuments = new TenderOffset(0, 10) };

        var plan = TenderSchedule.Plan(Tender, new DateOnly(2025, 11, 1), timings);

        Assert.Equal(new DateOnly(2025, 12, 15), plan[0].Due);
        Assert.Equal(new DateOnly(2026, 12, 5), plan[4].Due);
    }

    [Fact]
    public void Two_months_out_the_first_three_milestones_start_late()
    {
        var plan = TenderSchedule.Plan(Tender, new DateOnly(2026, 10, 15), TenderTimings.Default);

        Assert.Equal([true, true, true, false, false, false], plan.Select(m => m.LateStart));
    }

    [Fact]
    public void Planning_again_keeps_done_milestones_and_moves_the_others()
    {
        var plan = TenderSchedule.Plan(Tender, new DateOnly(2026, 3, 1), TenderTimings.Default);
        var done = plan[0] with { Status = MilestoneStatus.Done, DoneItems = TenderChecklists.Items(TenderMilestone.Needs) };
        var open = plan[1] with { Status = MilestoneStatus.Open, DoneItems = ["buying-group-mapped"] };

        var again = TenderSchedule.Replan([done, open, .. plan.Skip(2)], new DateOnly(2027, 2, 15), new DateOnly(2026, 4, 1), TenderTimings.Default);

        Assert.Same(done, again[0]);
        Assert.Equal(new DateOnly(2026, 8, 15), again[1].Due);
        Assert.Equal(MilestoneStatus.Open, again[1].Status);
        Assert.Equal(["buying-group-mapped"], again[1].DoneItems);
        Assert.Equal(new DateOnly(2027, 2, 15), again[5].Due);
        Assert.All(again, m => Assert.False(m.LateStart));
    }

    [Fact]
    public void A_date_earlier_than_a_done_milestone_keeps_it_done_and_makes_the_rest_late()
    {
        var today = new DateOnly(2026, 3, 10);
        var plan = TenderSchedule.Plan(Tender, new DateOnly(2026, 3, 1), TenderTimings.Default);
        var done = plan[0] with { Status = MilestoneStatus.Done, DoneItems = TenderChecklists.Items(TenderMilestone.Needs) };

        // The buyer brings the tender forward to 14 March: before the needs milestone's own date (15 March).
        var again = TenderSchedule.Replan([done, .. plan.Skip(1)], new DateOnly(2026, 3, 14), today, TenderTimings.Default);

        Assert.Same(done, again[0]);
        Assert.Equal([true, true, true, true, false], again.Skip(1).Select(m => m.LateStart));
        Assert.Equal(new DateOnly(2026, 3, 14), again[5].Due);
        Assert.All(again.Skip(1), m => Assert.True(m.Opens <= today || m.Milestone == TenderMilestone.Submission));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -3)]
    public void Negative_offsets_are_refused(int months, int days) =>
        Assert.NotEmpty((TenderTimings.Default with { BidDraft = new TenderOffset(months, days) }).Problems());

    [Fact]
    public void Offsets_out_of_order_are_refused() =>
        Assert.Contains((TenderTimings.Default with { BuyingGroup = new TenderOffset(2) }).Problems(), p => p.Contains("order", StringComparison.Ordinal));

    [Fact]
    public void The_default_timings_are_valid() => Assert.Empty(TenderTimings.Default.Problems());
}
