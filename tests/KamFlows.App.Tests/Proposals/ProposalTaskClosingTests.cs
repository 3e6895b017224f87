using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Proposals;

/// <summary>
/// A proposal keeps its KAM's task list true: the call task is closed as done when the customer
/// confirms receipt by the link (or next steps are agreed), and the follow-up tasks still open are
/// closed as cancelled when the proposal ends, while the tasks of the win stay. One test, because it
/// drives the app's clock forward.
/// </summary>
public sealed class ProposalTaskClosingTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_call_task_closes_as_done_on_confirmation_and_what_is_left_open_closes_as_cancelled_when_the_proposal_ends()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var store = app.Services.GetRequiredService<TaskStore>();

        // Friday 27 March 2026, 14:00 in São Paulo; nobody confirms, so both call tasks come on Monday 30 March, 09:00 there.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 27, 17, 0, 0, TimeSpan.Zero));
        var byLink = await world.SubmitAsync(world.Body("By link " + Guid.NewGuid().ToString("N")[..6], validUntil: "2026-06-30"));
        var won = await world.SubmitAsync(world.Body("Won", validUntil: "2026-06-30"));
        await app.RunUntilAsync(new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero));
        var calls = await world.TasksAsync("proposal-call");
        var linkCall = Assert.Single(calls, t => t.ProcessId == byLink);
        var wonCall = Assert.Single(calls, t => t.ProcessId == won);

        // The customer confirms by the link while the call task is open: the call is no longer needed, it happened in effect.
        var title = (await world.ProposalAsync(byLink)).GetProperty("title").GetString()!;
        var link = await world.LinkOfAsync(Assert.Single(await world.MailsToAsync(world.Contact.Email!, title)));
        var customer = new PageBrowser(app);
        var page = await customer.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, (await customer.PostFormAsync(link, [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page))])).StatusCode);
        await app.DeliverWorkAsync();
        Assert.Equal("receipt-confirmed", await world.StatusAsync(byLink));
        Assert.DoesNotContain(await world.TasksAsync("proposal-call"), t => t.Id == linkCall.Id);
        Assert.Equal((WorkTaskStatus.Done, "done"), await OutcomeAsync(linkCall.Id));

        // Next steps agreed on the other: its call is done too, and the meeting task is given.
        var agreed = await world.KamClient.PostAsJsonAsync($"/api/proposals/{won}/next-steps",
            new { urgency = "Budget", kind = "Meeting", at = new DateTimeOffset(2026, 4, 7, 14, 30, 0, TimeSpan.FromHours(-3)) }, Ct);
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal((WorkTaskStatus.Done, "done"), await OutcomeAsync(wonCall.Id));
        var meeting = Assert.Single(await world.TasksAsync("proposal-meeting"));

        // Won before the meeting: the meeting task is cancelled, the win's own tasks are open.
        Assert.Equal(HttpStatusCode.OK, (await world.KamClient.PostAsJsonAsync($"/api/proposals/{won}/outcome", new { outcome = "Won" }, Ct)).StatusCode);
        await app.DeliverWorkAsync();
        Assert.Empty(await world.TasksAsync("proposal-meeting"));
        Assert.Equal((WorkTaskStatus.Done, "cancelled"), await OutcomeAsync(meeting.Id));
        Assert.Single(await world.TasksAsync("proposal-delivery-call"));
        Assert.Single(await world.TasksAsync("proposal-feedback"));
        Assert.Single(await world.TasksAsync("proposal-recommendation"));
        Assert.Equal((WorkTaskStatus.Done, "done"), await OutcomeAsync(wonCall.Id)); // closed before: the ending leaves it as it was

        async Task<(WorkTaskStatus, string?)> OutcomeAsync(string id) =>
            (await store.FindAsync(id, Ct)) is { } found ? (found.Value.Status, found.Value.Outcome) : throw new InvalidOperationException($"No task {id}.");
    }
}
