using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Reviews;

/// <summary>
/// A review opened on Wednesday 1 April 2026 for a KAM in São Paulo: Good Friday (3 April) is not a
/// business day, so the tenth business day is Thursday 16 April. Reminders on the 13th (three business
/// days before) and the 16th at 09:00, overdue from 17:00 on the 16th, escalation to the head of KAM on
/// Monday the 20th at 09:00 (two business days after), all on the KAM's clock (UTC−3).
/// </summary>
public sealed class ReviewTimingTests(Azurite azurite)
{
    private static DateTimeOffset Sp(int day, int hour) => new(2026, 4, day, hour, 0, 0, TimeSpan.FromHours(-3));

    [Fact]
    public async Task Reminders_overdue_and_escalation_fall_on_the_kams_business_days()
    {
        await using var world = await ReviewWorld.CreateAsync(azurite);
        var account = await world.AccountWithPlanAsync();
        world.At(ReviewWorld.QuarterStart);
        await world.FireTimerAsync();

        var instance = await world.InstanceAsync(account.Id);
        Assert.Equal(
            [("escalate", Sp(20, 9)), ("overdue", Sp(16, 17)), ("remind-before", Sp(13, 9)), ("remind-due", Sp(16, 9))],
            instance.WakeUps.Select(w => (w.Name, w.DueAt)).OrderBy(w => w.Name, StringComparer.Ordinal));
        Assert.Equal(Sp(16, 17), Assert.Single(await world.TasksAsync(world.Kam, "quarterly-review")).DueAt);

        world.At(Sp(13, 9).AddMinutes(1));
        await world.DrainAsync();
        Assert.Single(await world.MailsAsync(world.Kam, "Lembrete: revisão trimestral"));

        world.At(Sp(16, 16));
        await world.DrainAsync();
        Assert.Equal(2, (await world.MailsAsync(world.Kam, "Lembrete: revisão trimestral")).Count);
        Assert.Equal(0, (await world.QuarterAsync()).Overdue);

        world.At(Sp(17, 12)); // overdue since 17:00 yesterday, not escalated yet: one business day after
        await world.DrainAsync();
        var overdue = await world.QuarterAsync();
        Assert.Equal((1, false), (overdue.Overdue, overdue.Items.Single().Escalated));
        Assert.Empty(await world.MailsAsync(world.People.Head, "Escalonamento"));

        world.At(Sp(20, 9).AddMinutes(1));
        await world.DrainAsync();
        Assert.Single(await world.MailsAsync(world.People.Head, "Escalonamento: revisão trimestral 2026-Q2"));
        var escalated = await world.QuarterAsync();
        Assert.Equal((1, true, "kam"), (escalated.Overdue, escalated.Items.Single().Escalated, escalated.Items.Single().WaitingOn!));
    }
}
