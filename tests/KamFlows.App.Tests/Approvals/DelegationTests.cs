using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Users;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.DependencyInjection;
using static KamFlows.App.Tests.Approvals.ApprovalScenario;

namespace KamFlows.App.Tests.Approvals;

/// <summary>
/// A director hands their approvals to a delegate for a date range: new requests go to the delegate,
/// pending ones are re-routed when it starts and come back when it ends; the result says on whose behalf.
/// </summary>
public sealed class DelegationTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> DelegateAsync(User director, User to, DateTimeOffset from, DateTimeOffset until) =>
        app.ClientFor(director.Email).PutAsJsonAsync("/api/me/delegation", new { delegateUserId = to.Id, from, until }, Ct);

    private async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
    }

    [Fact]
    public async Task A_delegation_is_checked_set_read_and_removed()
    {
        var people = await PeopleAsync(app);
        var now = app.Clock.GetUtcNow();
        var client = app.ClientFor(people.Director.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/me/delegation", Ct)).StatusCode);

        Assert.True((await ProblemAsync(await DelegateAsync(people.Director, people.Director, now, now.AddDays(2)))).TryGetProperty("delegateUserId", out _));
        Assert.True((await ProblemAsync(await DelegateAsync(people.Director, people.Kam, now, now.AddDays(2)))).TryGetProperty("delegateUserId", out _));
        Assert.True((await ProblemAsync(await DelegateAsync(people.Director, people.Alternate, now.AddDays(2), now.AddDays(1)))).TryGetProperty("until", out _));
        Assert.True((await ProblemAsync(await DelegateAsync(people.Director, people.Alternate, now.AddDays(-3), now.AddDays(-1)))).TryGetProperty("until", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await DelegateAsync(people.Kam, people.Alternate, now, now.AddDays(2))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/me/delegation", Ct)).StatusCode);

        (await DelegateAsync(people.Director, people.Alternate, now, now.AddDays(2))).EnsureSuccessStatusCode();
        var set = await client.GetFromJsonAsync<JsonElement>("/api/me/delegation", Ct);
        Assert.Equal(people.Alternate.Id, set.GetProperty("delegateUserId").GetString());
        Assert.True(set.GetProperty("active").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me/delegation", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/me/delegation", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_new_request_goes_to_the_delegate_who_decides_from_the_link_on_the_directors_behalf()
    {
        var people = await PeopleAsync(app);
        var stand = await app.UserAsync("stand-in", "America/Sao_Paulo", role: "HeadOfKam");
        var now = app.Clock.GetUtcNow();
        (await DelegateAsync(people.Director, stand, now, now.AddDays(7))).EnsureSuccessStatusCode();
        var title = Title("Plan");

        var id = await StartAsync(app, people, title);

        Assert.Empty(await MailsAsync(app, people.Director, title));
        var mail = Assert.Single(await MailsAsync(app, stand, title));
        var link = await LinkOfAsync(app, mail);
        var browser = new PageBrowser(app);
        await browser.SignInAsync(stand.Email, link);
        var page = await browser.GetPageAsync(link);
        var posted = await browser.PostFormAsync(link,
            [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page)), new("mode", "whole"), new("verdict", "approve")]);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var result = ApprovalRequestDefinition.ReadState((await InstanceAsync(app, id)).StateJson).Result!;
        Assert.Equal(ApprovalOutcomes.Approved, result.Outcome);
        Assert.Equal(stand.Id, result.DecidedBy);
        Assert.Equal(people.Director.Id, result.OnBehalfOf);
        Assert.Equal(DecidedAs.Delegate, result.As);
        var history = await app.Services.GetRequiredService<InstanceStore>().HistoryAsync(id, Ct);
        Assert.Contains(history, h => h.What == nameof(ApprovalEvent.RoutedToDelegate));
        Assert.Contains(history, h => h.What == nameof(ApprovalCommand.Decide) && h.By.Contains(stand.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pending_request_is_rerouted_when_the_delegation_is_set_and_comes_back_when_it_is_removed()
    {
        var people = await PeopleAsync(app);
        var stand = await app.UserAsync("stand-in", "Europe/Lisbon", "pt-PT", role: "Director");
        var title = Title("Renewal");
        var id = await StartAsync(app, people, title);
        Assert.Empty(await DelegatesAsync(app, id));

        var now = app.Clock.GetUtcNow();
        (await DelegateAsync(people.Director, stand, now.AddMinutes(-1), now.AddDays(7))).EnsureSuccessStatusCode();

        Assert.Equal([stand.Id], await DelegatesAsync(app, id));
        Assert.Equal("Europe/Lisbon", (await InstanceAsync(app, id)).Calendars[ApprovalRequestDefinition.Delegates].TimeZone);
        Assert.Single(await MailsAsync(app, stand, title)); // "re-routed to you", on the director's behalf

        Assert.Equal(HttpStatusCode.NoContent, (await app.ClientFor(people.Director.Email).DeleteAsync("/api/me/delegation", Ct)).StatusCode);

        Assert.Empty(await DelegatesAsync(app, id));
        Assert.Equal(2, (await MailsAsync(app, people.Director, title)).Count); // the request, and "it is back with you"
    }

    [Fact]
    public async Task A_delegation_in_the_future_reroutes_at_its_start_and_returns_at_its_end()
    {
        var people = await PeopleAsync(app);
        var stand = await app.UserAsync("stand-in", "America/Sao_Paulo", role: "Director");
        var id = await StartAsync(app, people, Title("Tender"));
        var from = app.Clock.GetUtcNow().AddHours(6);
        var until = from.AddHours(20);

        (await DelegateAsync(people.Director, stand, from, until)).EnsureSuccessStatusCode();
        Assert.Empty(await DelegatesAsync(app, id));

        app.Clock.SetUtcNow(from.AddMinutes(1));
        await app.SweepAsync();
        await app.DeliverWorkAsync();
        Assert.Equal([stand.Id], await DelegatesAsync(app, id));

        app.Clock.SetUtcNow(until.AddMinutes(1));
        await app.SweepAsync();
        await app.DeliverWorkAsync();
        Assert.Empty(await DelegatesAsync(app, id));
        var history = await app.Services.GetRequiredService<InstanceStore>().HistoryAsync(id, Ct);
        Assert.Contains(history, h => h.What == nameof(ApprovalEvent.DelegationEnded));
    }

    [Fact]
    public async Task A_delegate_who_asked_for_the_approval_never_holds_it()
    {
        var people = await PeopleAsync(app);
        var requesterDirector = await app.UserAsync("asking-director", "America/Sao_Paulo", role: "Director");
        var now = app.Clock.GetUtcNow();
        (await DelegateAsync(people.Director, requesterDirector, now, now.AddDays(7))).EnsureSuccessStatusCode();

        var id = await StartAsync(app, people with { Kam = requesterDirector }, Title("Discount"));

        Assert.Empty(await DelegatesAsync(app, id));
        var history = await app.Services.GetRequiredService<InstanceStore>().HistoryAsync(id, Ct);
        Assert.Contains(history, h => h.What == nameof(ApprovalEvent.DelegateRefused));
    }
}
