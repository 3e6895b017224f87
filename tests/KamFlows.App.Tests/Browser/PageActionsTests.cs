using System.Net;
using KamFlows.App.Engine;
using KamFlows.App.Tests.Approvals;
using KamFlows.App.Tests.CalendarFeeds;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Work;
using KamFlows.Domain.Approvals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KamFlows.App.Tests.Browser;

/// <summary>
/// What people do on the pages, in Chromium: complete a task from My day with the keyboard, approve
/// from the development mailbox's link, retry a failing effect and send a poison message again from
/// the board, get and renew a calendar feed's address. Each page on the way passes axe-core and is
/// photographed.
/// </summary>
public sealed class PageActionsTests(BrowserApp app, Chromium chromium) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kam_completes_a_task_from_my_day_with_the_keyboard_and_the_process_hears_the_outcome()
    {
        var world = await PageWorld.CreateAsync(app);
        var (processId, task) = await world.TaskForAsync(world.KamA, world.AccountA, TimeSpan.FromHours(2), "reached", "no-answer");
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        await browser.SignInAsync(world.KamA.Email);
        await browser.GotoAsync("/app/my-day");

        // The first Tab reaches the skip link, and following it lands in the page's content.
        await browser.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await browser.Page.EvaluateAsync<string>("() => document.activeElement.className"));
        await browser.Page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", browser.Page.Url, StringComparison.Ordinal);

        var noAnswer = browser.Page.Locator($"li[data-task-id='{task.Id}'] button[value='no-answer']");
        await noAnswer.FocusAsync();
        await browser.Page.Keyboard.PressAsync("Enter");
        await browser.Page.WaitForURLAsync(url => url.Contains("notice=task-completed", StringComparison.Ordinal));

        Assert.Equal(1, await browser.Page.Locator("p.notice[role=status]").CountAsync());
        Assert.Equal(0, await browser.Page.Locator($"li[data-task-id='{task.Id}']").CountAsync());
        Assert.Contains($"task {task.Id} no-answer by {world.KamA.Id}", await app.HeardAsync(processId));
        await browser.CheckAsync("kam-my-day-after-completing");
    }

    [Fact]
    public async Task A_director_approves_from_the_development_mailbox_link_and_the_request_is_decided()
    {
        var world = await PageWorld.CreateAsync(app);
        var title = ApprovalScenario.Title("Plan");
        var id = await ApprovalScenario.StartAsync(app, new ApprovalScenario.People(world.Director, world.Head, world.KamA), title);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        await browser.SignInAsync(world.Director.Email);

        await browser.GotoAsync("/dev/mailbox");
        var href = await browser.Page.Locator("article", new PageLocatorOptions { HasText = title }).Locator("a[href*='/app/links/']").First.GetAttributeAsync("href");
        // The email's links start with App:PublicBaseUrl; the same path on the app under test.
        var link = new Uri(href!).PathAndQuery;
        Assert.Equal(200, await browser.GotoAsync(link));
        Assert.Contains(title, await browser.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await browser.CheckAsync("director-approval");

        await browser.Page.Locator($"input[name='{ApprovalDecisionRules.VerdictField}'][value='approve']").CheckAsync();
        await browser.Page.Locator("#comment").FillAsync("Go ahead");
        await browser.Page.Locator("form.decision button[type=submit]").ClickAsync();
        await browser.Page.Locator("p.used").WaitForAsync();

        Assert.Equal(new Uri(browser.BaseUrl, link).AbsolutePath, new Uri(browser.Page.Url).AbsolutePath);
        var instance = await ApprovalScenario.InstanceAsync(app, id);
        Assert.Equal(ProcessStatus.Completed, instance.Status);
        Assert.Equal("approved", instance.Outcome);
        await browser.CheckAsync("director-approval-used");
    }

    [Fact]
    public async Task An_administrator_retries_a_failing_effect_and_sends_a_poison_message_again_from_the_board()
    {
        var world = await PageWorld.CreateAsync(app);
        var stuck = await world.WaitingProcessAsync(world.AccountA, world.KamA);
        await world.FailAnEffectAsync(stuck);
        await app.Storage.Queue(app.WorkQueueName + "-poison").SendMessageAsync(new WorkItem(ProcessEngine.WorkKind, stuck).ToJson(), Ct);
        await app.Services.GetRequiredService<PoisonStore>().CollectAsync(Ct);
        app.Clock.Advance(TimeSpan.FromDays(2)); // past its next wake-up, with no sweep: late
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        await browser.SignInAsync(world.Admin.Email);

        Assert.Equal(200, await browser.GotoAsync($"/app/processes?kam={world.KamA.Id}"));
        var row = browser.Page.Locator($"tr[data-process-id='{stuck}']");
        Assert.Contains("late", await row.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Contains("the pong service is down", await row.InnerTextAsync(), StringComparison.Ordinal);
        await browser.CheckAsync("admin-processes");

        app.Pongs.FailWhen = _ => false;
        await row.Locator("form[action*='/retry'] button").ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("notice=retried", StringComparison.Ordinal));
        Assert.Contains($"kam={world.KamA.Id}", browser.Page.Url, StringComparison.Ordinal); // back to the board as it was filtered
        Assert.Equal(0, await browser.Page.Locator($"tr[data-process-id='{stuck}'] .badge.failing").CountAsync());
        Assert.Empty((await ApprovalScenario.InstanceAsync(app, stuck)).Outbox);

        var poison = browser.Page.Locator("tr[data-poison-id]", new PageLocatorOptions { HasText = stuck });
        Assert.Equal(1, await poison.CountAsync());
        await poison.Locator("button").ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("notice=replayed", StringComparison.Ordinal));
        Assert.Equal(0, await browser.Page.Locator("tr[data-poison-id]", new PageLocatorOptions { HasText = stuck }).CountAsync());
        await browser.CheckAsync("admin-processes-after-retry");
    }

    [Fact]
    public async Task A_kam_gets_a_private_calendar_feed_address_once_and_a_new_one_stops_the_old()
    {
        var world = await PageWorld.CreateAsync(app);
        var (_, task) = await world.TaskForAsync(world.KamA, world.AccountA, TimeSpan.FromDays(3), "reached", "no-answer");
        using var calendar = new HttpClient { BaseAddress = app.Address }; // a calendar app: no cookie, no token
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        await browser.SignInAsync(world.KamA.Email);
        await browser.GotoAsync("/app/calendar-feed");

        await browser.Page.Locator($"form[action='/app/calendar-feed'] button").ClickAsync();
        var first = await browser.Page.Locator("#feed-address").InputValueAsync();
        await browser.CheckAsync("kam-calendar-feed-address");
        var feed = await calendar.GetAsync(new Uri(first).PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var read = await IcsCheck.ValidAsync(await feed.Content.ReadAsStringAsync(Ct));
        Assert.Contains(read.Events, e => e.Uid == $"task-{task.Id}@kamflows" && e.StartUtc == task.DueAt);

        await browser.GotoAsync("/app/calendar-feed"); // the address is not shown again
        Assert.Equal(0, await browser.Page.Locator("#feed-address").CountAsync());
        await browser.Page.Locator($"form[action='/app/calendar-feed'] button").ClickAsync();
        var second = await browser.Page.Locator("#feed-address").InputValueAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(new Uri(first).PathAndQuery, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(new Uri(second).PathAndQuery, Ct)).StatusCode);

        await browser.Page.Locator("form[action='/app/calendar-feed/off'] button").ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("notice=off", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(new Uri(second).PathAndQuery, Ct)).StatusCode);
        await browser.CheckAsync("kam-calendar-feed-off");
    }
}
