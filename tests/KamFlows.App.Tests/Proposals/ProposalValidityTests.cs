using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Tests.Tasks;

namespace KamFlows.App.Tests.Proposals;

/// <summary>
/// The validity date: a reminder to the KAM five business days before it (09:00 the KAM's time,
/// São Paulo), the expiry at its close of business (18:00 customer time), and an extension that moves
/// both. One test, because it drives the app's clock forward through March and April 2026.
/// </summary>
public sealed class ProposalValidityTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_kam_is_reminded_before_the_validity_date_the_proposal_expires_at_it_and_an_extension_moves_both()
    {
        var world = await ProposalWorld.CreateAsync(app);
        // Monday 2 March 2026, 09:00 in São Paulo. Both valid until Friday 20 March.
        var expiring = await world.SubmitAsync(world.Body(validUntil: "2026-03-20"));
        var extended = await world.SubmitAsync(world.Body(validUntil: "2026-03-20"));
        var reminder = new DateTimeOffset(2026, 3, 13, 12, 0, 0, TimeSpan.Zero); // Fri 13: five business days before Fri 20
        var expiry = new DateTimeOffset(2026, 3, 20, 21, 0, 0, TimeSpan.Zero); // 18:00 in São Paulo
        Assert.Equal(reminder, await world.WakeUpAsync(expiring, "validity-reminder"));
        Assert.Equal(expiry, await world.WakeUpAsync(expiring, "expiry"));

        // Thursday 5 March: the second proposal is extended to Friday 10 April (Good Friday, 3 April, is a national holiday).
        await app.RunUntilAsync(new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero));
        var extension = await world.KamClient.PostAsJsonAsync($"/api/proposals/{extended}/extension", new { validUntil = "2026-04-10" }, Ct);
        Assert.Equal(HttpStatusCode.OK, extension.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.KamClient.PostAsJsonAsync($"/api/proposals/{extended}/extension", new { validUntil = "2026-04-01" }, Ct)).StatusCode);
        var extendedReminder = new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.Zero); // Thu 9, Wed 8, Tue 7, Mon 6, (Good Friday), Thu 2
        Assert.Equal(extendedReminder, await world.WakeUpAsync(extended, "validity-reminder"));
        Assert.Equal(new DateTimeOffset(2026, 4, 10, 21, 0, 0, TimeSpan.Zero), await world.WakeUpAsync(extended, "expiry"));

        await app.RunUntilAsync(reminder.AddMinutes(-1));
        Assert.Empty(await world.MailsToAsync(world.Kam.Email, "válida até 2026-03-20"));
        await app.RunUntilAsync(reminder);
        Assert.Single(await world.MailsToAsync(world.Kam.Email, "válida até 2026-03-20")); // the extended one is no longer reminded for 20 March

        await app.RunUntilAsync(expiry.AddMinutes(-1));
        Assert.Equal("awaiting-receipt", await world.StatusAsync(expiring));
        await app.RunUntilAsync(expiry);
        Assert.Equal("expired", await world.StatusAsync(expiring));
        Assert.False((await world.ProposalAsync(expiring)).GetProperty("running").GetBoolean());
        Assert.Equal("awaiting-receipt", await world.StatusAsync(extended));

        await app.RunUntilAsync(extendedReminder);
        Assert.Single(await world.MailsToAsync(world.Kam.Email, "válida até 2026-04-10"));
        Assert.Equal(HttpStatusCode.Conflict, (await world.KamClient.PostAsJsonAsync($"/api/proposals/{expiring}/outcome", new { outcome = "Won" }, Ct)).StatusCode);
    }
}
