using System.Net;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using static KamFlows.App.Tests.Approvals.ApprovalScenario;

namespace KamFlows.App.Tests.Approvals;

/// <summary>
/// Links that no longer work say so clearly and offer a fresh link, which goes only to the address on
/// file for the person the link was sent to, at most three times an hour.
/// </summary>
public sealed class LinkLifetimeTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string FreshSubject = "Um novo link";

    private static async Task<(HttpStatusCode Status, string Html)> OpenAsync(PageBrowser browser, string link)
    {
        var response = await browser.GetAsync(link);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<HttpStatusCode> AskForFreshAsync(PageBrowser browser, string link, string page)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(10)); // a person clicking again (a request is known by its instant)
        return (await browser.PostFormAsync(link + "/fresh", [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page))])).StatusCode;
    }

    [Fact]
    public async Task An_expired_link_says_so_and_sends_fresh_links_only_to_the_stored_address_three_times_an_hour()
    {
        var people = await PeopleAsync(app);
        var title = Title("Expiring");
        await StartAsync(app, people, title);
        var link = await LinkOfAsync(app, Assert.Single(await MailsAsync(app, people.Director, title)));

        app.Clock.Advance(TimeSpan.FromDays(15)); // links live 14 days
        var stranger = new PageBrowser(app); // whoever holds the old link, signed in or not
        var (status, page) = await OpenAsync(stranger, link);

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.DoesNotContain(title, page, StringComparison.Ordinal);
        Assert.Contains("/fresh\"", page, StringComparison.Ordinal);
        var before = await MailsAsync(app, people.Director, FreshSubject);
        Assert.Equal(HttpStatusCode.OK, await AskForFreshAsync(stranger, link, page));
        Assert.Equal(HttpStatusCode.OK, await AskForFreshAsync(stranger, link, page));
        Assert.Equal(HttpStatusCode.OK, await AskForFreshAsync(stranger, link, page));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AskForFreshAsync(stranger, link, page));
        var fresh = await MailsAsync(app, people.Director, FreshSubject);
        Assert.Equal(before.Count + 3, fresh.Count);
        Assert.Empty(await MailsAsync(app, people.Kam, FreshSubject));

        // The newest fresh link works for the director.
        var director = new PageBrowser(app);
        var freshLink = await LinkOfAsync(app, fresh[0]);
        await director.SignInAsync(people.Director.Email, freshLink);
        Assert.Contains(title, await director.GetPageAsync(freshLink), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(1)); // a new hour, a new allowance
        Assert.Equal(HttpStatusCode.OK, await AskForFreshAsync(stranger, link, page));
    }

    [Fact]
    public async Task A_link_revoked_by_a_reminder_says_so_and_the_reminders_link_works()
    {
        var people = await PeopleAsync(app);
        var title = Title("Reminded");
        var id = await StartAsync(app, people, title);
        var first = await LinkOfAsync(app, Assert.Single(await MailsAsync(app, people.Director, title)));
        var remindAt = Assert.Single((await InstanceAsync(app, id)).WakeUps, w => w.Name == ApprovalRequestDefinition.RemindWakeUp).DueAt;

        app.Clock.SetUtcNow(remindAt);
        await app.SweepAsync();
        await app.DeliverWorkAsync();

        var reminder = await LinkOfAsync(app, Assert.Single(await MailsAsync(app, people.Director, "Lembrete, aprovação pendente: " + title)));
        Assert.NotEqual(first, reminder);
        var director = new PageBrowser(app);
        await director.SignInAsync(people.Director.Email, reminder);
        var (status, page) = await OpenAsync(director, first);
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("/fresh\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(title, page, StringComparison.Ordinal);
        Assert.Contains(title, await director.GetPageAsync(reminder), StringComparison.Ordinal);
    }
}
