using System.Net;
using System.Text.RegularExpressions;
using KamFlows.App.Engine;
using KamFlows.App.Features.Processes;
using KamFlows.App.Tests.Approvals;

namespace KamFlows.App.Tests.Pages;

/// <summary>The processes board over HTTP: its filters, what is late, and who may use its levers.</summary>
public sealed partial class ProcessBoardPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<string> Rows(string html) => [.. RowId().Matches(html).Select(m => m.Groups["id"].Value)];

    private async Task<PageBrowser> SignedInAsync(string email)
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync(email);
        return browser;
    }

    [Fact]
    public async Task The_board_filters_by_process_by_kam_and_by_account()
    {
        var world = await PageWorld.CreateAsync(app);
        var onA = await world.WaitingProcessAsync(world.AccountA, world.KamA);
        var onB = await world.WaitingProcessAsync(world.AccountB, world.KamB);
        var approval = await ApprovalScenario.StartAsync(app, new ApprovalScenario.People(world.Director, world.Head, world.KamA), ApprovalScenario.Title("Plan"));
        var head = await SignedInAsync(world.Head.Email);

        var pingPongs = Rows(await head.GetPageAsync("/app/processes?process=PingPong"));
        Assert.Contains(onA, pingPongs);
        Assert.Contains(onB, pingPongs);
        Assert.DoesNotContain(approval, pingPongs);

        // A KAM's: those of their accounts and those waiting on them (the approval request waits on its director, not on the KAM).
        var kamA = Rows(await head.GetPageAsync($"/app/processes?kam={world.KamA.Id}"));
        Assert.Contains(onA, kamA);
        Assert.DoesNotContain(onB, kamA);
        Assert.DoesNotContain(approval, kamA);
        var director = Rows(await head.GetPageAsync($"/app/processes?kam={world.Director.Id}&process=ApprovalRequest"));
        Assert.Equal([approval], director);

        var accountB = await head.GetPageAsync($"/app/processes?account={world.AccountB.Id}");
        Assert.Equal([onB], Rows(accountB));
        Assert.Contains(world.AccountB.Name, accountB, StringComparison.Ordinal);

        var all = Rows(await head.GetPageAsync("/app/processes"));
        Assert.Contains(onA, all);
        Assert.Contains(approval, all);
    }

    [Fact]
    public async Task A_process_past_its_wake_up_is_late_and_comes_first()
    {
        var world = await PageWorld.CreateAsync(app);
        var waiting = await world.WaitingProcessAsync(world.AccountA, world.KamA);
        var due = (await ApprovalScenario.InstanceAsync(app, waiting)).NextWakeUpAt!.Value;
        var head = await SignedInAsync(world.Head.Email);
        Assert.DoesNotContain("class=\"late\"", await head.GetPageAsync($"/app/processes?account={world.AccountA.Id}"), StringComparison.Ordinal);

        app.Clock.SetUtcNow(due + ProcessLateness.Grace + TimeSpan.FromMinutes(1));
        head = await SignedInAsync(world.Head.Email);
        var page = await head.GetPageAsync($"/app/processes?kam={world.KamA.Id}");

        Assert.Matches($"<tr class=\"late\" data-process-id=\"{waiting}\"", page);
        Assert.Equal(waiting, Rows(page)[0]);
    }

    [Fact]
    public void Lateness_allows_the_sweep_its_grace_and_ignores_what_has_no_wake_up()
    {
        var now = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        ProcessSummary At(DateTimeOffset? wake, ProcessStatus status = ProcessStatus.Running) =>
            new("p", "PingPong", status, "step", null, null, [], null, wake, 0, now);

        Assert.False(ProcessLateness.IsLate(At(now - ProcessLateness.Grace), now));
        Assert.True(ProcessLateness.IsLate(At(now - ProcessLateness.Grace - TimeSpan.FromSeconds(1)), now));
        Assert.False(ProcessLateness.IsLate(At(null), now));
        Assert.False(ProcessLateness.IsLate(At(now.AddDays(-3), ProcessStatus.Completed), now));
    }

    [Fact]
    public async Task Only_administrators_see_errors_and_may_retry_and_a_kam_may_not_open_the_board()
    {
        var world = await PageWorld.CreateAsync(app);
        var stuck = await world.WaitingProcessAsync(world.AccountA, world.KamA);
        await world.FailAnEffectAsync(stuck);
        var effect = Assert.Single((await ApprovalScenario.InstanceAsync(app, stuck)).Outbox);

        var kam = await SignedInAsync(world.KamA.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await kam.GetAsync("/app/processes")).StatusCode);

        var head = await SignedInAsync(world.Head.Email);
        var seen = await head.GetPageAsync($"/app/processes?account={world.AccountA.Id}");
        Assert.Contains("test.pong", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("the pong service is down", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("/retry", seen, StringComparison.Ordinal);
        var refused = await head.PostFormAsync(ProcessBoardPages.RetryPath(stuck, effect.Id), [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(seen))]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var admin = await SignedInAsync(world.Admin.Email);
        var board = await admin.GetPageAsync($"/app/processes?account={world.AccountA.Id}");
        Assert.Contains("the pong service is down", board, StringComparison.Ordinal);
        var forged = await admin.PostFormAsync(ProcessBoardPages.RetryPath(stuck, effect.Id), []);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Single((await ApprovalScenario.InstanceAsync(app, stuck)).Outbox); // nothing was performed
    }

    [GeneratedRegex("data-process-id=\"(?<id>[^\"]+)\"")]
    private static partial Regex RowId();
}
