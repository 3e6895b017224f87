using KamFlows.App.Features.Visits;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Tests.Visits;
using KamFlows.Domain.Accounts;
using Microsoft.Playwright;

namespace KamFlows.App.Tests.Browser;

/// <summary>
/// My day's visits and calls in Chromium on a phone: no sideways scrolling, axe-core passes, and a
/// visit is marked done with the keyboard alone (reached by Tab, sent by Enter).
/// </summary>
public sealed class MyDayVisitsBrowserTests(BrowserApp app, Chromium chromium) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>More Tab presses than the page has things to focus before the visits: the walk ends even if the button were never reached.</summary>
    private const int MostTabs = 80;

    [Fact]
    public async Task A_kam_on_a_phone_reads_the_weeks_visits_and_marks_one_done_from_the_keyboard()
    {
        var world = await PageWorld.CreateAsync(app);
        var second = await PageWorld.AccountAsync(app, world.Unit, world.KamA, "Hospital Gama");
        foreach (var account in new[] { world.AccountA, second })
        {
            await VisitWorld.ClassifyAsync(app, account, AccountClass.A);
        }

        var api = app.ClientFor(world.KamA.Email);
        (await api.PostAsync("/api/me/week/plan", null, Ct)).EnsureSuccessStatusCode();
        var tuesday = Assert.Single((await app.ReadAsync<MyWeek>(await api.GetAsync("/api/me/week", Ct))).Days.SelectMany(d => d.Visits), v => v.Visit.PlannedOn == new DateOnly(2026, 3, 3)).Visit;
        await using var browser = await BrowserSession.OpenAsync(chromium, app, new ViewportSize { Width = 390, Height = 844 });

        await browser.SignInAsync(world.KamA.Email);
        Assert.Equal(200, await browser.GotoAsync("/app/my-day"));
        Assert.Equal(2, await browser.Page.Locator("section.day-visits li[data-visit-task-id]").CountAsync());
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"My day is {overflow}px wider than a phone's screen");
        await browser.CheckAsync("kam-phone-my-day-visits");

        string? focused = null;
        for (var presses = 0; presses < MostTabs && focused != tuesday.TaskId; presses++)
        {
            await browser.Page.Keyboard.PressAsync("Tab");
            focused = await browser.Page.EvaluateAsync<string?>("() => document.activeElement?.matches('section.day-visits button') ? document.activeElement.closest('li').dataset.visitTaskId : null");
        }

        Assert.Equal(tuesday.TaskId, focused);
        await browser.Page.Keyboard.PressAsync("Enter");
        await browser.Page.WaitForURLAsync(url => url.EndsWith("/app/my-day?notice=task-completed", StringComparison.Ordinal));
        Assert.Equal("done", await browser.Page.Locator($"section.day-visits li[data-visit-task-id='{tuesday.TaskId}']").GetAttributeAsync("data-visit-standing"));
        Assert.Equal(0, await browser.Page.Locator($"section.day-visits li[data-visit-task-id='{tuesday.TaskId}'] form").CountAsync());
        await browser.CheckAsync("kam-phone-my-day-visit-done");
    }
}
