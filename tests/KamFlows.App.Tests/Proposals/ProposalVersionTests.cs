using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Proposals;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Proposals;

/// <summary>
/// ProposalFollowUp version 2: a discount above the KAM's limit (5 % on the test users) waits for the
/// account's director before anything is sent; a rejection tells the KAM and sends nothing. Version 1
/// stays registered: a proposal started on it before version 2 existed keeps going on version 1
/// after the app restarts with both.
/// </summary>
public sealed class ProposalVersionTests(Azurite azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app as it was before version 2: the same registrations, version 2 taken out.</summary>
    private static void WithoutVersion2(IServiceCollection services)
    {
        foreach (var v2 in services.Where(d => d.ServiceType == typeof(IProcessDefinition) && d.ImplementationInstance is ProposalFollowUpDefinition { Version: 2 }).ToList())
        {
            services.Remove(v2);
        }
    }

    [Fact]
    public async Task A_version_1_proposal_started_before_version_2_keeps_version_1_after_a_restart()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        string id;
        string contactEmail;
        ProposalWorld world;
        await using (var before = new KamFlowsApp(azurite) { Prefix = prefix, ExtraServices = WithoutVersion2 })
        {
            world = await ProposalWorld.CreateAsync(before);
            contactEmail = world.Contact.Email!;
            id = await world.SubmitAsync(world.Body(title: "Before v2", discount: 8m));
            Assert.Equal(1, (await world.InstanceAsync(id)).Version);
            Assert.Single(await world.MailsToAsync(contactEmail, "Before v2")); // version 1 sends whatever the discount
        }

        await using var after = new KamFlowsApp(azurite) { Prefix = prefix };
        var kam = after.ClientFor(world.Kam.Email);
        var store = after.Services.GetRequiredService<InstanceStore>();
        Assert.Equal(1, (await store.LoadAsync(id, Ct))!.Instance.Version);

        Assert.Equal(HttpStatusCode.OK, (await kam.PostAsync($"/api/proposals/{id}/resend", null, Ct)).StatusCode);
        var resent = (await store.LoadAsync(id, Ct))!.Instance;
        Assert.Equal((1, "awaiting-receipt"), (resent.Version, resent.Step));
        Assert.Equal(2, ProposalFollowUpDefinition.ReadState(resent.StateJson).Sendings);
        Assert.Empty(resent.Children); // no approval asked on version 1

        // A new proposal with the same discount starts on version 2 and waits for the director.
        var newer = await SubmitAsync(after, kam, world, "After v2", 8m);
        var waiting = (await store.LoadAsync(newer, Ct))!.Instance;
        Assert.Equal((2, "awaiting-approval"), (waiting.Version, waiting.Step));
        Assert.Single(waiting.Children);
    }

    [Fact]
    public async Task On_version_2_a_discount_within_the_limit_goes_at_once_and_one_above_it_only_once_the_director_approves()
    {
        await using var app = new KamFlowsApp(azurite);
        var world = await ProposalWorld.CreateAsync(app);
        var store = app.Services.GetRequiredService<InstanceStore>();

        var within = await world.SubmitAsync(world.Body(title: "Within limit", discount: 5m));
        Assert.Equal((2, "awaiting-receipt"), ((await world.InstanceAsync(within)).Version, await world.StatusAsync(within)));
        Assert.Single(await world.MailsToAsync(world.Contact.Email!, "Within limit"));

        var above = await world.SubmitAsync(world.Body(title: "Above limit", discount: 8m));
        Assert.Equal("awaiting-approval", await world.StatusAsync(above));
        Assert.Empty(await world.MailsToAsync(world.Contact.Email!, "Above limit"));
        Assert.Contains((await world.ProposalAsync(above)).GetProperty("next").EnumerateArray(), n => n.GetProperty("what").GetString() == "discount-approval");

        await DecideAsync(app, world, above, "Approve");

        Assert.Equal("awaiting-receipt", await world.StatusAsync(above));
        Assert.Equal("approved", (await world.ProposalAsync(above)).GetProperty("followUp").GetProperty("discountApproval").GetString());
        Assert.Single(await world.MailsToAsync(world.Contact.Email!, "Above limit"));
        Assert.NotNull(await world.WakeUpAsync(above, "receipt-call"));
        Assert.Equal(2, (await store.LoadAsync(above, Ct))!.Instance.Version);
    }

    [Fact]
    public async Task On_version_2_a_rejected_discount_tells_the_kam_and_the_proposal_is_never_sent()
    {
        await using var app = new KamFlowsApp(azurite);
        var world = await ProposalWorld.CreateAsync(app);
        var id = await world.SubmitAsync(world.Body(title: "Too generous", discount: 15m));

        await DecideAsync(app, world, id, "Reject");

        Assert.Equal("discount-rejected", await world.StatusAsync(id));
        Assert.Empty(await world.MailsToAsync(world.Contact.Email!, "Too generous"));
        Assert.Single(await world.MailsToAsync(world.Kam.Email, "Desconto não aprovado"));
        Assert.Equal(HttpStatusCode.Conflict, (await world.KamClient.PostAsync($"/api/proposals/{id}/resend", null, Ct)).StatusCode);
    }

    private static async Task<string> SubmitAsync(KamFlowsApp app, HttpClient kam, ProposalWorld world, string title, decimal discount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = JsonContent.Create(world.Body(title: title, discount: discount)) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await kam.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Headers.Location!.OriginalString["/api/proposals/".Length..];
    }

    /// <summary>The account's director decides the proposal's discount approval, as from "my approvals".</summary>
    private static async Task DecideAsync(KamFlowsApp app, ProposalWorld world, string proposalId, string verdict)
    {
        var approval = Assert.Single((await world.InstanceAsync(proposalId)).Children);
        var director = world.People.As(world.People.Director);
        var answer = await app.ReadAsync<JsonElement>(await director.PostAsJsonAsync("/api/me/approvals/decisions", new
        {
            items = new[] { new { processId = approval, inputId = Guid.NewGuid().ToString("N"), decision = new { verdict, comment = "Discussed with the KAM." } } },
        }, Ct));
        Assert.Equal("applied", answer.GetProperty("items")[0].GetProperty("outcome").GetString());
    }
}
