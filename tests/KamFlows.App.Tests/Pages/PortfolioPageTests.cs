using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace KamFlows.App.Tests.Pages;

/// <summary>The portfolio page over HTTP: who may open it, and what it draws and lists from the portfolio's figures.</summary>
public sealed partial class PortfolioPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PageAsAsync(string email, string path)
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync(email);
        return await browser.GetPageAsync(path);
    }

    [Fact]
    public async Task The_page_draws_the_pareto_curve_and_lists_class_changes_dependence_and_health_with_causes_but_no_contact()
    {
        var world = await PageWorld.CreateAsync(app);
        await world.RevenueAsync();
        var admin = app.AdminClient();
        (await admin.PostAsJsonAsync("/api/portfolio/class-overrides",
            new { accountId = world.AccountB.Id, quarter = "2025-Q4", @class = "C", reason = "Contract ends this year" }, Ct)).EnsureSuccessStatusCode();
        var kam = app.ClientFor(world.KamA.Email);
        (await kam.PostAsJsonAsync($"/api/accounts/{world.AccountA.Id}/contacts", new Dictionary<string, object?>
        {
            ["name"] = "Rui Lima Confidencial",
            ["role"] = "DecisionMaker",
            ["influence"] = 5,
            ["attitude"] = "Supporter",
            ["active"] = false,
            ["lastInteractionOn"] = "2026-02-01",
        }, Ct)).EnsureSuccessStatusCode();
        (await kam.PostAsJsonAsync($"/api/accounts/{world.AccountA.Id}/interactions", new { kind = "Complaint", occurredAt = "2026-02-20T10:00:00Z", summary = "Late delivery" }, Ct)).EnsureSuccessStatusCode();

        var page = await PageAsAsync(world.Director.Email, "/app/portfolio?quarter=2025-Q4");

        // The curve: from the origin to (100 %, 100 %) through every rank, over the three bands.
        Assert.Matches("<svg[^>]*role=\"img\"", page);
        var points = CurvePoints().Match(page).Groups["points"].Value.Split(' ');
        Assert.Equal("48,260", points[0]);
        Assert.Equal("456,12", points[^1]);
        Assert.Equal(3, BandRect().Count(page));
        Assert.Contains("<tr data-class=\"A\">", page, StringComparison.Ordinal);
        // This quarter's change: B set to C by hand.
        Assert.Matches($"(?s)<table class=\"rows changes\" id=\"changes\">.*data-account-id=\"{world.AccountB.Id}\".*Set by hand", page);
        // Dependence of the unit on its largest customer: account A, 900 of 1065 (84.5 %), above the threshold.
        Assert.Matches($"(?s)<li class=\"flagged\" data-unit=\"{world.Unit}\">.*value=\"0.845", page);
        Assert.Contains(world.AccountA.Name, page, StringComparison.Ordinal);
        // Health with its causes; the contact who left is counted, never named.
        Assert.Matches($"(?s)data-account-id=\"{world.AccountA.Id}\".*data-cause=\"KeyContactChange\".*data-cause=\"OpenComplaints\"", page);
        Assert.DoesNotContain("Rui Lima", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_those_who_read_the_whole_portfolio_open_it_and_a_wrong_quarter_shows_the_latest()
    {
        var world = await PageWorld.CreateAsync(app);
        var kam = new PageBrowser(app);
        await kam.SignInAsync(world.KamA.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await kam.GetAsync("/app/portfolio")).StatusCode);

        Assert.Contains("2025-Q4", await PageAsAsync(world.Head.Email, "/app/portfolio?quarter=2099-Q9"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<polyline class=\"curve\" points=\"(?<points>[^\"]+)\"")]
    private static partial Regex CurvePoints();

    [GeneratedRegex("<rect class=\"band-[abc]\"")]
    private static partial Regex BandRect();
}
