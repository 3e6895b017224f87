using System.Net;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Tests.Approvals;
using KamFlows.Domain.Tasks;

namespace KamFlows.App.Tests.Pages;

/// <summary>My day over HTTP: today on the reader's own clock, completing a task from the page, and whose sections show.</summary>
public sealed class MyDayPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private async Task<PageBrowser> SignedInAsync(string email)
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync(email);
        return browser;
    }

    [Fact]
    public async Task Today_ends_at_midnight_on_the_readers_own_clock()
    {
        var saoPaulo = await app.UserAsync("sp", "America/Sao_Paulo");
        var lisbon = await app.UserAsync("lx", "Europe/Lisbon", "pt-PT");
        // 02:30 UTC tomorrow: still tonight in São Paulo (23:30), already tomorrow in Lisbon.
        var late = app.Clock.GetUtcNow().Date.AddDays(1).AddHours(2.5);
        var (_, inSaoPaulo) = await app.GiveAsync(new CreateTask("call-customer", saoPaulo.Id, new TaskDue.At(late)));
        var (_, inLisbon) = await app.GiveAsync(new CreateTask("call-customer", lisbon.Id, new TaskDue.At(late)));

        Assert.Contains($"data-task-id=\"{inSaoPaulo.Id}\"", await (await SignedInAsync(saoPaulo.Email)).GetPageAsync("/app/my-day"), StringComparison.Ordinal);
        var lisbonDay = await (await SignedInAsync(lisbon.Email)).GetPageAsync("/app/my-day");
        Assert.DoesNotContain(inLisbon.Id, lisbonDay, StringComparison.Ordinal);
        Assert.Contains("Europe/Lisbon", lisbonDay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_from_the_page_takes_the_assignee_one_of_the_tasks_outcomes_and_a_token()
    {
        var world = await PageWorld.CreateAsync(app);
        var (processId, task) = await world.TaskForAsync(world.KamA, world.AccountA, TimeSpan.FromHours(1), "reached", "no-answer");
        var other = await SignedInAsync(world.KamB.Email);
        var page = await other.GetPageAsync("/app/my-day");
        var path = TaskPages.CompletePath(task.Id);

        var notTheirs = await other.PostFormAsync(path, [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page)), new("outcome", "reached")]);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);

        var kam = await SignedInAsync(world.KamA.Email);
        var mine = await kam.GetPageAsync("/app/my-day");
        var token = PageBrowser.AntiforgeryToken(mine);
        Assert.Equal(HttpStatusCode.BadRequest, (await kam.PostFormAsync(path, [new("outcome", "reached")])).StatusCode); // no token
        Assert.Equal(HttpStatusCode.BadRequest, (await kam.PostFormAsync(path, [new("__RequestVerificationToken", token), new("outcome", "maybe")])).StatusCode);
        Assert.DoesNotContain(await app.HeardAsync(processId), h => h.StartsWith("task ", StringComparison.Ordinal));

        var done = await kam.PostFormAsync(path, [new("__RequestVerificationToken", token), new("outcome", "reached")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/app/my-day?notice=task-completed", done.Headers.Location!.OriginalString);
        var again = await kam.PostFormAsync(path, [new("__RequestVerificationToken", token), new("outcome", "no-answer")]);
        Assert.Equal("/app/my-day?notice=task-completed-before", again.Headers.Location!.OriginalString);
        Assert.Equal([$"task {task.Id} reached by {world.KamA.Id}"], (await app.HeardAsync(processId)).Where(h => h.StartsWith("task ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_kam_has_no_approvals_section_and_a_director_sees_what_waits_on_them()
    {
        var world = await PageWorld.CreateAsync(app);
        var title = ApprovalScenario.Title("Plano");
        await ApprovalScenario.StartAsync(app, new ApprovalScenario.People(world.Director, world.Head, world.KamA), title);

        var kam = await (await SignedInAsync(world.KamA.Email)).GetPageAsync("/app/my-day");
        Assert.DoesNotContain("day-approvals", kam, StringComparison.Ordinal);
        Assert.DoesNotContain(title, kam, StringComparison.Ordinal);

        var director = await (await SignedInAsync(world.Director.Email)).GetPageAsync("/app/my-day");
        Assert.Contains("day-approvals", director, StringComparison.Ordinal);
        Assert.Contains(title, director, StringComparison.Ordinal);
        Assert.Contains(world.KamA.DisplayName, director, StringComparison.Ordinal); // who asked
        var other = await (await SignedInAsync((await app.UserAsync("otherdirector", "America/Sao_Paulo", "en", role: "Director")).Email)).GetPageAsync("/app/my-day");
        Assert.DoesNotContain(title, other, StringComparison.Ordinal);
    }
}
