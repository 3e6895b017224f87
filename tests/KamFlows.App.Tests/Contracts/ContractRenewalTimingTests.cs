using KamFlows.App.Features.Contracts;
using KamFlows.App.Tests.Approvals;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Contracts;

namespace KamFlows.App.Tests.Contracts;

/// <summary>
/// A renewal opens 90 days before the notice deadline, at 09:00 on the KAM's clock (São Paulo): here
/// that day is Monday 7 September 2026, Brazil's Independence Day, so it opens on Friday the 4th, with
/// the terms task; the reminders then come every five business days, skipping the holiday again.
/// One test per class, because it drives the app's clock forward.
/// </summary>
public sealed class ContractRenewalTimingTests(TasksApp app) : IClassFixture<TasksApp>
{
    [Fact]
    public async Task Renewal_opens_on_the_business_day_before_a_holiday_and_reminds_on_business_days()
    {
        var scenario = await ContractScenario.CreateAsync(app);
        // Ends 31 December with 25 days' notice: the notice deadline is Sunday 6 December, 90 days after 7 September.
        var stored = await scenario.StoreAsync(ContractScenario.Body("C-2026-HOL", "2026-01-01", "2026-12-31", notice: 25));
        Assert.Equal(new DateOnly(2026, 12, 6), stored.NoticeDeadline);
        Assert.Equal("scheduled", stored.RenewalStep);

        var opens = new DateTimeOffset(2026, 9, 4, 12, 0, 0, TimeSpan.Zero); // Friday 09:00 in São Paulo (UTC-3)
        Assert.Equal(opens, Assert.Single((await scenario.RenewalAsync(stored.Contract.Id)).WakeUps).DueAt);

        app.Clock.SetUtcNow(opens.AddMinutes(-1));
        await scenario.RunAsync();
        Assert.Equal("scheduled", (await scenario.ViewAsync(stored.Contract.Id)).RenewalStep);
        Assert.Empty(await scenario.OpenTasksAsync());

        app.Clock.SetUtcNow(opens);
        await scenario.RunAsync();
        Assert.Equal("preparing-terms", (await scenario.ViewAsync(stored.Contract.Id)).RenewalStep);
        var task = Assert.Single(await scenario.OpenTasksAsync());
        Assert.Equal(ContractRenewalDefinition.TermsTask, task.Kind);
        // Ten business days before Sunday 6 December: Monday 23 November, 17:00 in São Paulo.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero), task.DueAt);

        // Five business days after Friday 4 September, the 7th off: Monday 14 September, 09:00.
        var remind = new DateTimeOffset(2026, 9, 14, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(remind, Assert.Single((await scenario.RenewalAsync(stored.Contract.Id)).WakeUps).DueAt);
        app.Clock.SetUtcNow(remind.AddMinutes(-1));
        await scenario.RunAsync();
        Assert.Empty(await ApprovalScenario.MailsAsync(app, scenario.World.KamA, "Renovação do contrato"));
        app.Clock.SetUtcNow(remind);
        await scenario.RunAsync();
        Assert.Single(await ApprovalScenario.MailsAsync(app, scenario.World.KamA, "Renovação do contrato de " + scenario.Account.Name));
        Assert.Equal(remind.AddDays(7), Assert.Single((await scenario.RenewalAsync(stored.Contract.Id)).WakeUps).DueAt); // Monday 21st
    }
}
