using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using static KamFlows.App.Tests.Approvals.ApprovalScenario;

namespace KamFlows.App.Tests.Approvals;

/// <summary>
/// Reminder after 3 and escalation after 5 business days of the approver's calendar, at 09:00 their
/// time: in Lisbon, across Republic Day (5 October) and across the end of summer time (25 October 2026).
/// One test, because it drives the app's clock forward through October.
/// </summary>
public sealed class ApprovalTimingTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static readonly PartyCalendar Lisbon = new("PT", null, null, "Europe/Lisbon");

    private async Task<DateTimeOffset> DueAsync(string id, string wakeUp) =>
        Assert.Single((await InstanceAsync(app, id)).WakeUps, w => w.Name == wakeUp).DueAt;

    /// <summary>Moves the clock to <paramref name="at"/> and does what the host would: sweep the due timers, deliver the work.</summary>
    private async Task RunUntilAsync(DateTimeOffset at)
    {
        app.Clock.SetUtcNow(at);
        await app.SweepAsync();
        await app.DeliverWorkAsync();
    }

    [Fact]
    public async Task Reminder_and_escalation_fall_on_Lisbon_business_days_across_a_holiday_and_the_October_clock_change()
    {
        var people = await PeopleAsync(app, "Europe/Lisbon", "pt-PT");

        // Thursday 1 October, 11:00 in Lisbon (summer time, UTC+1). Monday 5 October is Republic Day.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero));
        var holidayTitle = Title("Holiday");
        var overHoliday = await StartAsync(app, people, holidayTitle, Lisbon);
        var remind = new DateTimeOffset(2026, 10, 7, 8, 0, 0, TimeSpan.Zero); // Fri 2, (Mon 5 off), Tue 6, Wed 7, 09:00 WEST
        var escalate = new DateTimeOffset(2026, 10, 9, 8, 0, 0, TimeSpan.Zero); // Thu 8, Fri 9
        Assert.Equal(remind, await DueAsync(overHoliday, ApprovalRequestDefinition.RemindWakeUp));
        Assert.Equal(escalate, await DueAsync(overHoliday, ApprovalRequestDefinition.EscalateWakeUp));

        await RunUntilAsync(remind.AddMinutes(-1));
        Assert.Empty(await MailsAsync(app, people.Director, "Lembrete"));
        await RunUntilAsync(remind);
        Assert.Single(await MailsAsync(app, people.Director, "Lembrete, aprovação pendente: " + holidayTitle));
        await RunUntilAsync(escalate.AddMinutes(-1));
        Assert.Equal("awaiting-decision", (await InstanceAsync(app, overHoliday)).Step);
        await RunUntilAsync(escalate);
        Assert.Equal("escalated", (await InstanceAsync(app, overHoliday)).Step);
        Assert.Single(await MailsAsync(app, people.Alternate, "Escalado para si: " + holidayTitle));

        // Thursday 22 October, 11:00 in Lisbon; summer time ends on Sunday 25 October (UTC+1 → UTC+0).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 22, 10, 0, 0, TimeSpan.Zero));
        var dstTitle = Title("Clock change");
        var overDst = await StartAsync(app, people, dstTitle, Lisbon);
        var remindAfter = new DateTimeOffset(2026, 10, 27, 9, 0, 0, TimeSpan.Zero); // Fri 23, Mon 26, Tue 27, 09:00 WET
        var escalateAfter = new DateTimeOffset(2026, 10, 29, 9, 0, 0, TimeSpan.Zero); // Wed 28, Thu 29
        Assert.Equal(remindAfter, await DueAsync(overDst, ApprovalRequestDefinition.RemindWakeUp));
        Assert.Equal(escalateAfter, await DueAsync(overDst, ApprovalRequestDefinition.EscalateWakeUp));

        await RunUntilAsync(remindAfter.AddHours(-1)); // 09:00 on the summer clock is not 09:00 any more
        Assert.Empty(await MailsAsync(app, people.Director, "Lembrete, aprovação pendente: " + dstTitle));
        await RunUntilAsync(remindAfter);
        Assert.Single(await MailsAsync(app, people.Director, "Lembrete, aprovação pendente: " + dstTitle));
        await RunUntilAsync(escalateAfter.AddHours(-1));
        Assert.Equal("awaiting-decision", (await InstanceAsync(app, overDst)).Step);
        await RunUntilAsync(escalateAfter);
        Assert.Equal("escalated", (await InstanceAsync(app, overDst)).Step);
    }
}
