using KamFlows.App.Tests.Approvals;
using KamFlows.App.Tests.Pages;
using Microsoft.Playwright;

namespace KamFlows.App.Tests.Browser;

/// <summary>
/// Each role signed in through the development sign-in page, in Chromium: the navigation offers
/// exactly the pages the role may open, the others answer 403, a KAM sees only their own tasks and
/// accounts, and every page passes axe-core (no serious or critical violation) and is photographed.
/// </summary>
public sealed class RolePagesTests(BrowserApp app, Chromium chromium) : IClassFixture<BrowserApp>
{
    private static readonly string[] KamPages = ["/app/my-day", "/app/tenders", "/app/calendar-feed"];
    private static readonly string[] OverseerPages = ["/app/my-day", "/app/portfolio", "/app/pipeline", "/app/tenders", "/app/quarter", "/app/processes", "/app/calendar-feed"];

    private async Task<IReadOnlyList<string>> NavigationAsync(BrowserSession browser) =>
        [.. (await browser.Page.Locator("nav.pages a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))];

    [Fact]
    public async Task A_kam_is_offered_my_day_and_the_feed_sees_only_their_own_tasks_and_accounts_and_is_refused_the_rest()
    {
        var world = await PageWorld.CreateAsync(app);
        var (_, today) = await world.TaskForAsync(world.KamA, world.AccountA, TimeSpan.FromHours(3), "reached", "no-answer");
        var (_, overdue) = await world.TaskForAsync(world.KamA, world.AccountA, -TimeSpan.FromDays(1));
        var (_, theirs) = await world.TaskForAsync(world.KamB, world.AccountB, TimeSpan.FromHours(2));
        await using var browser = await BrowserSession.OpenAsync(chromium, app);

        await browser.SignInAsync(world.KamA.Email);
        Assert.Equal(KamPages, await NavigationAsync(browser));
        Assert.Equal("pt-BR", await browser.Page.Locator("html").GetAttributeAsync("lang"));
        await browser.CheckAsync("kam-home");

        Assert.Equal(200, await browser.GotoAsync("/app/my-day"));
        var tasks = browser.Page.Locator("li[data-task-id]");
        Assert.Equal([overdue.Id, today.Id], await tasks.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.taskId)"));
        Assert.Contains("late", await browser.Page.Locator($"li[data-task-id='{overdue.Id}']").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        var page = await browser.Page.ContentAsync();
        Assert.Contains(world.AccountA.Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(world.AccountB.Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Id, page, StringComparison.Ordinal);
        await browser.CheckAsync("kam-my-day");

        foreach (var forbidden in new[] { "/app/processes", "/app/portfolio" })
        {
            Assert.Equal(403, await browser.GotoAsync(forbidden));
            Assert.DoesNotContain(world.AccountA.Name, await browser.Page.ContentAsync(), StringComparison.Ordinal);
        }

        await browser.CheckAsync("kam-forbidden");
        Assert.Equal(200, await browser.GotoAsync("/app/calendar-feed"));
        await browser.CheckAsync("kam-calendar-feed");
    }

    [Fact]
    public async Task A_director_is_offered_the_portfolio_the_board_and_the_approvals_waiting_on_them_and_cannot_retry()
    {
        var world = await PageWorld.CreateAsync(app);
        await world.RevenueAsync();
        var title = ApprovalScenario.Title("Plano");
        await ApprovalScenario.StartAsync(app, new ApprovalScenario.People(world.Director, world.Head, world.KamA), title);
        var waiting = await world.WaitingProcessAsync(world.AccountA, world.KamA);
        await world.FailAnEffectAsync(waiting);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);

        await browser.SignInAsync(world.Director.Email);
        Assert.Equal(OverseerPages, await NavigationAsync(browser));
        await browser.CheckAsync("director-home");

        await browser.GotoAsync("/app/my-day");
        Assert.Contains(title, await browser.Page.Locator("section.day-approvals").InnerTextAsync(), StringComparison.Ordinal);
        await browser.CheckAsync("director-my-day");

        Assert.Equal(200, await browser.GotoAsync("/app/portfolio?quarter=2025-Q4"));
        Assert.Equal(1, await browser.Page.Locator("figure.chart svg[role=img] polyline").CountAsync());
        Assert.Equal(1, await browser.Page.Locator($"ul.gauges li[data-unit='{world.Unit}'] meter").CountAsync());
        Assert.Contains(world.AccountA.Name, await browser.Page.Locator("section[aria-labelledby=h-dependence]").InnerTextAsync(), StringComparison.Ordinal);
        await browser.CheckAsync("director-portfolio");

        Assert.Equal(200, await browser.GotoAsync("/app/pipeline"));
        Assert.Equal(2, await browser.Page.Locator("table.goals tbody tr").CountAsync());
        await browser.CheckAsync("director-pipeline");

        Assert.Equal(200, await browser.GotoAsync("/app/processes"));
        var row = browser.Page.Locator($"tr[data-process-id='{waiting}']");
        Assert.Contains(world.KamA.DisplayName, await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await row.Locator(".badge.failing").CountAsync());
        Assert.Equal(0, await browser.Page.Locator("form[action*='/retry'], form[action*='/replay']").CountAsync());
        await browser.CheckAsync("director-processes");
    }

    [Fact]
    public async Task A_head_of_kam_on_a_phone_reads_every_page_without_scrolling_sideways()
    {
        var world = await PageWorld.CreateAsync(app);
        await world.RevenueAsync();
        await world.WaitingProcessAsync(world.AccountB, world.KamB);
        await world.TaskForAsync(world.Head, world.AccountA, TimeSpan.FromHours(1), "done");
        await using var browser = await BrowserSession.OpenAsync(chromium, app, new ViewportSize { Width = 390, Height = 844 });

        await browser.SignInAsync(world.Head.Email);
        Assert.Equal(OverseerPages, await NavigationAsync(browser));
        Assert.Equal("pt-PT", await browser.Page.Locator("html").GetAttributeAsync("lang"));
        foreach (var (path, name) in new[] { ("/app/", "head-phone-home"), ("/app/my-day", "head-phone-my-day"), ("/app/portfolio?quarter=2025-Q4", "head-phone-portfolio"), ("/app/pipeline", "head-phone-pipeline"), ("/app/tenders", "head-phone-tenders"), ("/app/quarter", "head-phone-quarter"), ("/app/processes", "head-phone-processes") })
        {
            Assert.Equal(200, await browser.GotoAsync(path));
            var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a phone's screen");
            await browser.CheckAsync(name);
        }
    }

    [Fact]
    public async Task The_pages_before_and_after_sign_in_and_the_error_pages_pass_axe_too()
    {
        var world = await PageWorld.CreateAsync(app);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);

        await browser.GotoAsync("/dev/sign-in");
        await browser.CheckAsync("sign-in");
        await browser.SignInAsync(world.Admin.Email);
        Assert.Equal(OverseerPages, await NavigationAsync(browser));
        Assert.Equal(404, await browser.GotoAsync("/app/no-such-page"));
        await browser.CheckAsync("not-found");

        await browser.Page.Locator("header form button[type=submit]").ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.EndsWith("/app/signed-out", StringComparison.Ordinal));
        Assert.Equal(0, await browser.Page.Locator("nav.pages").CountAsync());
        await browser.CheckAsync("signed-out");
    }
}
