using KamFlows.Domain.Receivables;

namespace KamFlows.App.Tests.Receivables;

/// <summary>
/// A document due on Thursday 2 April 2026, followed up on the KAM's calendar (São Paulo): Good Friday
/// puts the first task on Monday the 6th at 09:00; Tiradentes and Labour Day put the escalation to the
/// head of KAM on Tuesday 19 May. The next full snapshot without it ends the follow-up and closes the
/// tasks. One test per class, because it drives the app's clock forward.
/// </summary>
public sealed class ReceivableFollowUpTimingTests(ReceivablesApp app) : IClassFixture<ReceivablesApp>
{
    [Fact]
    public async Task The_kam_is_tasked_on_business_days_after_the_due_date_and_the_head_of_kam_on_the_thirtieth()
    {
        var s = await ReceivablesScenario.CreateAsync(app);
        await s.ImportAsync("Full", s.Line("NF-17", "02/04/2026", "1.000,00"));

        var firstTask = new DateTimeOffset(2026, 4, 6, 12, 0, 0, TimeSpan.Zero); // 09:00 in São Paulo (UTC-3)
        var escalation = new DateTimeOffset(2026, 5, 19, 12, 0, 0, TimeSpan.Zero);
        var wakeUps = (await s.FollowUpAsync("NF-17"))!.WakeUps.ToDictionary(w => w.Name, w => w.DueAt);
        Assert.Equal(firstTask, wakeUps["overdue-1"]);
        Assert.Equal(new DateTimeOffset(2026, 4, 14, 12, 0, 0, TimeSpan.Zero), wakeUps["overdue-7"]);
        Assert.Equal(new DateTimeOffset(2026, 4, 27, 12, 0, 0, TimeSpan.Zero), wakeUps["overdue-15"]);
        Assert.Equal(escalation, wakeUps["overdue-30"]);

        app.Clock.SetUtcNow(firstTask.AddMinutes(-1));
        await s.RunAsync();
        Assert.Empty(await s.OpenTasksAsync());

        app.Clock.SetUtcNow(firstTask);
        await s.RunAsync();
        var task = Assert.Single(await s.OpenTasksAsync());
        Assert.Equal(ReceivableFollowUpDefinition.CollectTask, task.Kind);
        Assert.Equal(new DateTimeOffset(2026, 4, 6, 20, 0, 0, TimeSpan.Zero), task.DueAt); // 17:00 the same day

        foreach (var stage in new[] { wakeUps["overdue-7"], wakeUps["overdue-15"], escalation })
        {
            app.Clock.SetUtcNow(stage);
            await s.RunAsync();
        }

        Assert.Equal(3, (await s.OpenTasksAsync()).Count); // days 1, 7 and 15
        Assert.Equal(ReceivableFollowUpDefinition.EscalatedTask, Assert.Single(await s.OpenTasksAsync(s.World.Head)).Kind);
        Assert.Equal("escalated", (await s.ViewAsync()).Documents.Single().FollowUpStep);

        await s.ImportAsync("Full", s.Line("NF-18", "30/06/2026", "10,00"));
        Assert.Empty(await s.OpenTasksAsync());
        Assert.Empty(await s.OpenTasksAsync(s.World.Head));
        Assert.Equal(ReceivableFollowUpDefinition.Paid, (await s.FollowUpAsync("NF-17"))!.Step);
    }
}
