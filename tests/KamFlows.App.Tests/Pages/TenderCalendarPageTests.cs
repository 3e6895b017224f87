using System.Net;
using System.Text.RegularExpressions;
using KamFlows.App.Tests.Tenders;

namespace KamFlows.App.Tests.Pages;

/// <summary>The tender calendar page over HTTP (whose tenders each person sees), and tenders in the pipeline.</summary>
public sealed class TenderCalendarPageTests(PipelineApp app) : IClassFixture<PipelineApp>
{
    [Fact]
    public async Task A_kam_sees_their_accounts_tenders_the_head_of_kam_all_and_the_pipeline_weighs_them_by_step()
    {
        var scenario = await TenderScenario.CreateAsync(app);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(-3)).DateTime);
        var tender = await scenario.RegisterAsync(today.AddMonths(8));
        var beyond = await scenario.RegisterAsync(today.AddMonths(14));

        var kam = new PageBrowser(app);
        await kam.SignInAsync(scenario.Kam.Email);
        var mine = await kam.GetPageAsync("/app/tenders");
        var row = Regex.Match(mine, $"<tr data-tender-id=\"{tender.Id}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "the KAM's tender is on the calendar");
        Assert.Contains(tender.Reference, row.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(beyond.Id, mine, StringComparison.Ordinal); // more than twelve months out

        var other = new PageBrowser(app);
        await other.SignInAsync(scenario.World.KamB.Email);
        Assert.DoesNotContain(tender.Id, await other.GetPageAsync("/app/tenders"), StringComparison.Ordinal);

        var head = new PageBrowser(app);
        await head.SignInAsync(scenario.World.Head.Email);
        Assert.Contains($"data-tender-id=\"{tender.Id}\"", await head.GetPageAsync("/app/tenders"), StringComparison.Ordinal);

        // In the pipeline at 2,500,000 BRL weighted by its step's default likelihood, expected to close on the tender date.
        var pipeline = await head.GetPageAsync("/app/pipeline");
        var deal = Regex.Match(pipeline, $"<tr data-deal-id=\"{tender.Id}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(deal.Success, "the tender is among the largest open deals");
        Assert.Contains(tender.Step, deal.Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await kam.GetAsync("/app/pipeline")).StatusCode);
    }
}
