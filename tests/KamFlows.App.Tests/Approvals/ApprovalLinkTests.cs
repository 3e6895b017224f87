using System.Net;
using System.Text.RegularExpressions;
using KamFlows.App.Engine;
using KamFlows.App.Features.Email;
using KamFlows.App.Features.Users;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Approvals;

/// <summary>
/// A director's approval from the email's link, through the development mailbox and the pages: the
/// link's page changes nothing when opened (mail scanners), needs the bound approver signed in, and
/// records one decision however often it is posted.
/// </summary>
public sealed partial class ApprovalLinkTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Started(string Id, User Director, User Alternate, User Kam, string Title);

    private async Task<Started> StartAsync()
    {
        var director = await app.UserAsync("director", "America/Sao_Paulo", role: "Director");
        var alternate = await app.UserAsync("alternate", "America/Sao_Paulo", role: "Director");
        var kam = await app.UserAsync("kam", "America/Sao_Paulo");
        var title = "Plan Q3 " + Guid.NewGuid().ToString("N")[..6];
        var brazil = new PartyCalendar("BR", "SP", null, "America/Sao_Paulo");
        var started = await app.Engine.StartAsync(new StartRequest(
            ApprovalRequestDefinition.DefinitionName, Guid.NewGuid().ToString("N"),
            new ApprovalCommand.Request(new ApprovalSummary(title, "Growth goals for the hospital network"),
                [new ApprovalSection("objectives", "Objectives", new SectionDiff("2 M", "2.4 M"))], kam.Id),
            new Dictionary<string, IReadOnlyList<string>>
            {
                [ApprovalRequestDefinition.Approver] = [director.Id],
                [ApprovalRequestDefinition.Alternate] = [alternate.Id],
                [ApprovalRequestDefinition.Requester] = [kam.Id],
            },
            new Dictionary<string, PartyCalendar> { [ApprovalRequestDefinition.Approver] = brazil, [ApprovalRequestDefinition.Alternate] = brazil }),
            Sender.System, Ct);
        return new Started(started.InstanceId, director, alternate, kam, title);
    }

    /// <summary>The link of the newest email whose subject names <paramref name="title"/>, as the development mailbox shows it.</summary>
    private async Task<string> LinkInMailboxAsync(string title, int expected = 1)
    {
        var mailbox = app.Services.GetRequiredService<DevelopmentMailbox>();
        var messages = (await mailbox.ListAsync(500, Ct)).Where(m => m.Subject.Contains(title, StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, messages.Count);
        var body = (await mailbox.BodyAsync(messages.OrderByDescending(m => m.SentAt).First().Id, Ct))!.Value;
        return new Uri(LinkHref().Match(body.Html).Groups["href"].Value).PathAndQuery;
    }

    private async Task<string> StateStepAsync(string id) => (await app.Services.GetRequiredService<InstanceStore>().LoadAsync(id, Ct))!.Instance.Step;

    [Fact]
    public async Task A_director_approves_from_the_emailed_link_through_the_development_mailbox()
    {
        var s = await StartAsync();
        var link = await LinkInMailboxAsync(s.Title);
        Assert.Matches("^/app/links/", link);

        var browser = new PageBrowser(app);
        var first = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode); // sign in first
        await browser.SignInAsync(s.Director.Email, link);
        var page = await browser.GetPageAsync(link);
        Assert.Contains(s.Title, page, StringComparison.Ordinal);
        Assert.Contains("2.4 M", page, StringComparison.Ordinal);

        var posted = await browser.PostFormAsync(link,
        [
            new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page)),
            new("mode", "whole"),
            new("verdict", "approve"),
            new("comment", "Go"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var instance = (await app.Services.GetRequiredService<InstanceStore>().LoadAsync(s.Id, Ct))!.Instance;
        Assert.Equal(ProcessStatus.Completed, instance.Status);
        Assert.Equal(ApprovalOutcomes.Approved, instance.Outcome);
        Assert.Equal(s.Director.Id, ApprovalRequestDefinition.ReadState(instance.StateJson).Result!.DecidedBy);
        Assert.Contains("class=\"used\"", await browser.GetPageAsync(link), StringComparison.Ordinal); // the link now says it was used, by you, when
    }

    [Fact]
    public async Task Ten_scanner_gets_change_nothing_and_the_post_afterwards_still_works()
    {
        var s = await StartAsync();
        var link = await LinkInMailboxAsync(s.Title);
        var scanner = new PageBrowser(app);
        var before = await StateStepAsync(s.Id);

        for (var i = 0; i < 10; i++)
        {
            var response = await scanner.GetAsync(link);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        }

        var director = new PageBrowser(app);
        await director.SignInAsync(s.Director.Email, link);
        for (var i = 0; i < 10; i++)
        {
            await director.GetPageAsync(link);
        }

        Assert.Equal(before, await StateStepAsync(s.Id));
        var page = await director.GetPageAsync(link);
        var posted = await director.PostFormAsync(link,
            [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page)), new("mode", "whole"), new("verdict", "approve")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("decided", await StateStepAsync(s.Id));
    }

    [Fact]
    public async Task Fifty_concurrent_posts_of_one_link_record_exactly_one_decision()
    {
        var s = await StartAsync();
        var link = await LinkInMailboxAsync(s.Title);
        var director = new PageBrowser(app);
        await director.SignInAsync(s.Director.Email, link);
        var token = PageBrowser.AntiforgeryToken(await director.GetPageAsync(link));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => director.PostFormAsync(link,
            [new("__RequestVerificationToken", token), new("mode", "whole"), new("verdict", i % 2 == 0 ? "approve" : "reject"), new("comment", "no " + i)])));

        // Each is told the link is used (redirected to its page, or shown it at once); none fails.
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)a.StatusCode}"));
        var history = await app.Services.GetRequiredService<InstanceStore>().HistoryAsync(s.Id, Ct);
        Assert.Single(history, h => h.What == nameof(ApprovalCommand.Decide));
        Assert.Equal("decided", await StateStepAsync(s.Id));
    }

    [Fact]
    public async Task A_forwarded_link_opened_by_another_signed_in_user_is_refused()
    {
        var s = await StartAsync();
        var link = await LinkInMailboxAsync(s.Title);
        var colleague = new PageBrowser(app);
        await colleague.SignInAsync(s.Kam.Email, link);

        var response = await colleague.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(s.Title, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_without_a_comment_is_shown_again_with_the_error_and_records_nothing()
    {
        var s = await StartAsync();
        var link = await LinkInMailboxAsync(s.Title);
        var director = new PageBrowser(app);
        await director.SignInAsync(s.Director.Email, link);
        var page = await director.GetPageAsync(link);

        var posted = await director.PostFormAsync(link,
            [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page)), new("mode", "whole"), new("verdict", "reject")]);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("data-field=\"comment\"", await posted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("awaiting-decision", await StateStepAsync(s.Id));
    }

    [Fact]
    public async Task Tampered_and_reused_links_get_clear_pages_and_change_nothing()
    {
        var s = await StartAsync();
        var link = await LinkInMailboxAsync(s.Title);
        var director = new PageBrowser(app);
        await director.SignInAsync(s.Director.Email, link);
        var tampered = link[..^1] + (link[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync(tampered)).StatusCode);

        var page = await director.GetPageAsync(link);
        var fields = new KeyValuePair<string, string>[] { new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page)), new("mode", "whole"), new("verdict", "approve") };
        await director.PostFormAsync(link, fields);
        var again = await director.PostFormAsync(link, fields);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the page of a used link
        Assert.Single(await app.Services.GetRequiredService<InstanceStore>().HistoryAsync(s.Id, Ct), h => h.What == nameof(ApprovalCommand.Decide));
    }

    [Fact]
    public async Task A_retried_email_effect_sends_an_identical_link()
    {
        var s = await StartAsync();
        var link = await LinkInMailboxAsync(s.Title);
        var instance = (await app.Services.GetRequiredService<InstanceStore>().LoadAsync(s.Id, Ct))!.Instance;
        var links = app.Services.GetRequiredService<KamFlows.App.Links.LinkStore>();

        // The request's email effect is the first of the start transition: issuing its link again gives the same token.
        var again = await links.IssueAsync(s.Id, $"{s.Id}.1.0", ApprovalRequestDefinition.DecisionStep, ApprovalRequestDefinition.Approver, s.Director.Id, KamFlows.App.Links.RecipientKind.User, Ct);

        Assert.EndsWith(again.Token, link, StringComparison.Ordinal);
        Assert.Equal(ProcessStatus.Running, instance.Status);
    }

    [GeneratedRegex("href=\"(?<href>[^\"]*/app/links/[^\"]+)\"")]
    private static partial Regex LinkHref();
}
