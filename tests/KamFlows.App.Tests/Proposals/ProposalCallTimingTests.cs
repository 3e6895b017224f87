using KamFlows.App.Tests.Tasks;

namespace KamFlows.App.Tests.Proposals;

/// <summary>
/// No confirmation of receipt by the next business day: the KAM's call task at 09:00 customer time
/// (São Paulo, UTC-3), on the customer's calendar: after a weekend, and after a national holiday.
/// One test, because it drives the app's clock forward.
/// </summary>
public sealed class ProposalCallTimingTests(TasksApp app) : IClassFixture<TasksApp>
{
    [Fact]
    public async Task The_call_task_comes_the_customers_next_business_morning_after_a_weekend_and_after_a_national_holiday()
    {
        var world = await ProposalWorld.CreateAsync(app);

        // Friday 27 March 2026, 14:00 in São Paulo: the call is due on Monday 30 March, 09:00 there.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 27, 17, 0, 0, TimeSpan.Zero));
        var friday = await world.SubmitAsync(world.Body(validUntil: "2026-06-30"));
        var monday = new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(monday, await world.WakeUpAsync(friday, "receipt-call"));

        await app.RunUntilAsync(monday.AddMinutes(-1));
        Assert.Empty(await world.TasksAsync("proposal-call"));
        await app.RunUntilAsync(monday);
        var call = Assert.Single(await world.TasksAsync("proposal-call"));
        Assert.Equal((monday, friday, world.Kam.Id), (call.DueAt, call.ProcessId, call.AssigneeUserId));
        Assert.Equal(["reached", "no-answer"], call.Outcomes);

        // Monday 20 April, 12:00 in São Paulo; Tuesday 21 April is Tiradentes: the call is due on Wednesday 22 April.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 15, 0, 0, TimeSpan.Zero));
        var beforeHoliday = await world.SubmitAsync(world.Body(validUntil: "2026-06-30"));
        var wednesday = new DateTimeOffset(2026, 4, 22, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(wednesday, await world.WakeUpAsync(beforeHoliday, "receipt-call"));

        await app.RunUntilAsync(new DateTimeOffset(2026, 4, 21, 12, 0, 0, TimeSpan.Zero));
        Assert.DoesNotContain(await world.TasksAsync("proposal-call"), t => t.ProcessId == beforeHoliday);
        await app.RunUntilAsync(wednesday);
        Assert.Equal(wednesday, Assert.Single(await world.TasksAsync("proposal-call"), t => t.ProcessId == beforeHoliday).DueAt);
    }
}
