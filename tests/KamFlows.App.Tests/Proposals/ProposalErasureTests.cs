using System.Net;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Tests.Proposals;

/// <summary>
/// A proposal sent to a contact who is then erased: the contact's name, address and job title are
/// nowhere in storage afterwards: not in the proposal (its title and covering message named them),
/// not in its process (state, history, links), not in the copy of the email the development mailbox kept.
/// </summary>
public sealed class ProposalErasureTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erasing_the_contact_a_proposal_went_to_leaves_nothing_of_them_in_the_proposal_its_emails_or_its_history()
    {
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..10];
        var world = await ProposalWorld.CreateAsync(app, contactEmail: $"{marker}@customer.test", contactName: $"Ana {marker}");
        var id = await world.SubmitAsync(world.Body(title: $"Offer for {marker}", message: $"Dear Ana {marker}, as agreed on the phone."));
        Assert.Equal(HttpStatusCode.OK, (await world.KamClient.PostAsync($"/api/proposals/{id}/call", null, Ct)).StatusCode); // history beyond the start

        var before = await StorageSearch.HitsAsync(app, marker);
        Assert.Contains(before, hit => hit.Contains("proposals", StringComparison.Ordinal));
        Assert.Contains(before, hit => hit.Contains("mailbox", StringComparison.Ordinal));
        Assert.Contains(marker, await app.CreateClient().GetStringAsync("/dev/mailbox", Ct), StringComparison.Ordinal);

        var erased = await app.AdminClient().PostAsync($"/api/accounts/{world.Account.Id}/contacts/{world.Contact.Id}/erase", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Empty(await StorageSearch.HitsAsync(app, marker));
        var proposal = await world.ProposalAsync(id);
        Assert.Equal($"Offer for {Erased.Marker}", proposal.GetProperty("title").GetString());
        Assert.Equal($"Dear {Erased.Marker}, as agreed on the phone.", proposal.GetProperty("message").GetString());
        Assert.Equal([world.Contact.Id], proposal.GetProperty("contactIds").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("receipt-confirmed", proposal.GetProperty("status").GetString());
    }
}
