using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Proposals;

namespace KamFlows.App.Tests.Pages;

/// <summary>The pages app summing in reais, with one likelihood set by configuration.</summary>
public sealed class PipelineApp : PagesApp
{
    public PipelineApp(Azurite azurite)
        : base(azurite)
    {
        Settings["Portfolio:ReportingCurrency"] = "BRL";
        Settings["Pipeline:Proposal:receipt-confirmed"] = "0.4";
    }
}

/// <summary>The pipeline page over HTTP: open deals weighted by their stage, in the quarter of their expected close; wins and losses by reason; who may read it.</summary>
public sealed partial class PipelinePageTests(PipelineApp app) : IClassFixture<PipelineApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_proposals_are_weighted_by_stage_and_ended_ones_count_as_won_or_lost_by_reason()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(-3)).DateTime);
        var validUntil = today.AddDays(10).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        // Each proposal is worth 120,000.50 BRL (ProposalWorld's body).
        var waiting = await world.SubmitAsync(world.Body(title: "Waiting", validUntil: validUntil));
        var confirmed = await world.SubmitAsync(world.Body(title: "Confirmed", validUntil: validUntil));
        (await world.KamClient.PostAsync($"/api/proposals/{confirmed}/call", null, Ct)).EnsureSuccessStatusCode();
        var won = await world.SubmitAsync(world.Body(title: "Won", validUntil: validUntil));
        (await world.KamClient.PostAsJsonAsync($"/api/proposals/{won}/outcome", new { outcome = "Won" }, Ct)).EnsureSuccessStatusCode();
        var lost = await world.SubmitAsync(world.Body(title: "Lost", validUntil: validUntil));
        (await world.KamClient.PostAsJsonAsync($"/api/proposals/{lost}/outcome", new { outcome = "Lost", reason = "Price" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("awaiting-receipt", await world.StatusAsync(waiting));

        var director = new PageBrowser(app);
        await director.SignInAsync(world.People.Director.Email);
        var page = await director.GetPageAsync("/app/pipeline");

        // 120,000.50 × 0.2 (awaiting receipt, the default) + 120,000.50 × 0.4 (receipt confirmed, configured) = 72,000.30.
        // The page is in the director's language: amounts are written in its culture.
        var culture = System.Globalization.CultureInfo.GetCultureInfo(Regex.Match(page, "<html lang=\"([^\"]+)\"").Groups[1].Value);
        string Money(decimal value) => value.ToString("N0", culture) + " BRL";
        var quarter = Row(page, "data-quarter", $"{today.Year}-Q{((today.Month - 1) / 3) + 1}");
        Assert.Contains(">2<", quarter, StringComparison.Ordinal);
        Assert.Contains(Money(240_001m), quarter, StringComparison.Ordinal);
        Assert.Contains(Money(72_000.30m), quarter, StringComparison.Ordinal);
        Assert.Contains($"data-deal-id=\"{confirmed}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-deal-id=\"{won}\"", page, StringComparison.Ordinal);
        var winLoss = Regex.Match(page, "<p class=\"win-loss\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.StartsWith($"1 ", winLoss, StringComparison.Ordinal);
        Assert.Contains($"({Money(120_000.50m)}), 1 ", winLoss, StringComparison.Ordinal);
        Assert.Contains(0.5m.ToString("P0", culture), winLoss, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"Price\"", page, StringComparison.Ordinal);

        var kam = new PageBrowser(app);
        await kam.SignInAsync(world.Kam.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await kam.GetAsync("/app/pipeline")).StatusCode);
        Assert.DoesNotContain("/app/pipeline", await kam.GetPageAsync("/app/"), StringComparison.Ordinal);
        Assert.Contains("/app/pipeline", await director.GetPageAsync("/app/"), StringComparison.Ordinal);
    }

    private static string Row(string page, string attribute, string value)
    {
        var match = Regex.Match(page, $"<tr {attribute}=\"{Regex.Escape(value)}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"the page has a row {attribute}={value}");
        return match.Value;
    }
}
