using System.Net;
using KamFlows.App.Features.Reviews;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Reviews;

/// <summary>The quarter's timer opens one review per plan however often it fires, and an admin's re-run opens only what is missing.</summary>
public sealed class ReviewFanOutTests(Azurite azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_timer_fired_twice_and_past_due_and_an_admin_rerun_open_one_review_per_plan()
    {
        await using var world = await ReviewWorld.CreateAsync(azurite);
        var accounts = new[] { await world.AccountWithPlanAsync(), await world.AccountWithPlanAsync(), await world.AccountWithPlanAsync() };
        var withoutPlan = await world.People.AccountOfAsync(world.Kam);
        world.At(ReviewWorld.QuarterStart);

        await world.FireTimerAsync();
        await world.FireTimerAsync();
        world.At(ReviewWorld.QuarterStart.AddDays(2)); // the host was down: the occurrence fires late, past due
        await world.FireTimerAsync(pastDue: true);
        var rerun = await world.App.AdminClient().PostAsync($"/api/reviews/quarters/{ReviewWorld.Quarter}/start", null, Ct);
        await world.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, rerun.StatusCode);
        Assert.Equal($"/api/reviews/quarters/{ReviewWorld.Quarter}", rerun.Headers.Location!.OriginalString);
        var quarter = await world.QuarterAsync();
        Assert.Equal((3, 3, 0, 0, 0, 0), (quarter.Reviews, quarter.Open, quarter.Submitted, quarter.Approved, quarter.Rejected, quarter.Overdue));
        Assert.Equal(accounts.Select(a => a.Id).Order(), quarter.Items.Select(i => i.AccountId).Order());
        Assert.DoesNotContain(quarter.Items, i => i.AccountId == withoutPlan.Id);
        Assert.All(quarter.Items, i => Assert.Equal(("with-kam", "kam", world.Kam.Id, ReviewWorld.QuarterStart), (i.Step, i.WaitingOn!, i.WaitingOnUserIds.Single(), i.WaitingSince!.Value)));
        var tasks = await world.TasksAsync(world.Kam, "quarterly-review");
        Assert.Equal(accounts.Select(a => a.Id).Order(), tasks.Select(t => t.AccountId!).Order());
        Assert.Equal(3, (await world.MailsAsync(world.Kam, "Revisão trimestral 2026-Q2")).Count);
        foreach (var account in accounts)
        {
            var review = await world.ReviewAsync(account.Id);
            Assert.Equal("2026-Q1", review.State.Package!.ReviewedQuarter);
            Assert.Equal((1, 1), (review.State.Package.MilestonesMet, review.State.Package.Milestones.Count)); // m1: 750,000 of 700,000
            Assert.Null(review.State.Package.ClassChange!.From); // never classified: Pareto's class of 2026-Q1 is proposed
        }
    }

    [Fact]
    public async Task A_start_for_a_quarter_not_begun_or_not_a_quarter_is_refused_and_starts_nothing()
    {
        await using var world = await ReviewWorld.CreateAsync(azurite);
        await world.AccountWithPlanAsync();
        world.At(ReviewWorld.QuarterStart);

        var future = await world.App.AdminClient().PostAsync("/api/reviews/quarters/2026-Q3/start", null, Ct);
        var garbled = await world.App.AdminClient().PostAsync("/api/reviews/quarters/2026-5/start", null, Ct);
        var byKam = await world.People.As(world.Kam).PostAsync($"/api/reviews/quarters/{ReviewWorld.Quarter}/start", null, Ct);
        await world.DrainAsync();

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (future.StatusCode, garbled.StatusCode, byKam.StatusCode));
        Assert.Equal("application/problem+json", future.Content.Headers.ContentType!.MediaType);
        Assert.Contains("quarter", await garbled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, (await world.QuarterAsync("2026-Q3")).Reviews);
        Assert.Equal(0, (await world.QuarterAsync()).Reviews);
    }
}
