using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Email;
using KamFlows.App.Tests.Email;

namespace KamFlows.App.Tests.Proposals;

/// <summary>
/// The proposal through the real SendGrid SDK (to the capture server): from the KAM's name with
/// replies to the KAM, and a bounce from the signed Event Webhook gives the KAM a task to correct the
/// address and resend; completing it "resent" emails the proposal again.
/// </summary>
public sealed class ProposalBounceTests(MailApp app) : IClassFixture<MailApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bounce_gives_the_kam_a_task_to_correct_the_address_and_completing_it_resends()
    {
        var world = await ProposalWorld.CreateAsync(app, contactEmail: "gone@customer.test");
        var id = await world.SubmitAsync();
        var sent = Assert.Single(app.Capture.MailTo("gone@customer.test"));
        Assert.Equal(world.Kam.Email, sent.GetProperty("reply_to").GetProperty("email").GetString());
        Assert.Equal(world.Kam.DisplayName, sent.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("kamflows@company.test", sent.GetProperty("from").GetProperty("email").GetString());
        var args = sent.GetProperty("custom_args");
        Assert.Empty(await world.TasksAsync("proposal-correct-address"));

        var bounce = JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object?>
            {
                ["email"] = "gone@customer.test",
                ["timestamp"] = app.Clock.GetUtcNow().ToUnixTimeSeconds(),
                ["event"] = "bounce",
                ["sg_event_id"] = Guid.NewGuid().ToString("N"),
                [EmailTags.Key] = args.GetProperty(EmailTags.Key).GetString(),
                [EmailTags.Process] = args.GetProperty(EmailTags.Process).GetString(),
                [EmailTags.Recipient] = args.GetProperty(EmailTags.Recipient).GetString(),
                [EmailTags.BounceEvent] = args.GetProperty(EmailTags.BounceEvent).GetString(),
            },
        });
        Assert.Equal(HttpStatusCode.OK, (await app.PostEventsAsync(bounce)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostEventsAsync(bounce)).StatusCode); // delivered twice: one task

        var task = Assert.Single(await world.TasksAsync("proposal-correct-address"));
        Assert.Equal((id, app.Clock.GetUtcNow()), (task.ProcessId, task.DueAt));
        Assert.Equal(["resent", "given-up"], task.Outcomes);
        Assert.Equal("bounce", (await world.ProposalAsync(id)).GetProperty("followUp").GetProperty("lastBounceReason").GetString());

        // The KAM corrects the address, then completes the task: the proposal goes again, with a new link.
        var contactUrl = $"/api/accounts/{world.Account.Id}/contacts/{world.Contact.Id}";
        var etag = (await world.KamClient.GetAsync(contactUrl, Ct)).Headers.ETag!.Tag;
        using (var edit = Accounts.AccountWorld.WithIfMatch(HttpMethod.Put, contactUrl, etag, new
        {
            name = world.Contact.Name,
            jobTitle = "Head of Procurement",
            email = "ana@customer.test",
            language = "pt-BR",
            role = "DecisionMaker",
            influence = 5,
            attitude = "Supporter",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, (await world.KamClient.SendAsync(edit, Ct)).StatusCode);
        }

        var done = await world.KamClient.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "resent" }, Ct);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var again = Assert.Single(app.Capture.MailTo("ana@customer.test"));
        Assert.NotEqual(args.GetProperty(EmailTags.Key).GetString(), again.GetProperty("custom_args").GetProperty(EmailTags.Key).GetString());
        Assert.Equal(2, (await world.ProposalAsync(id)).GetProperty("followUp").GetProperty("sendings").GetInt32());
    }
}
