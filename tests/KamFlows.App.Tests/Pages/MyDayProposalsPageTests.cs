using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KamFlows.App.Tests.Proposals;

namespace KamFlows.App.Tests.Pages;

/// <summary>My day's open proposals: the KAM's own, the one ending first on top with its countdown, gone once decided.</summary>
public sealed partial class MyDayProposalsPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kam_sees_their_open_proposals_ending_first_on_top_with_the_days_left_and_not_once_decided()
    {
        var world = await ProposalWorld.CreateAsync(app);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(-3)).DateTime);
        string Title(string what) => $"{what} {Guid.NewGuid().ToString("N")[..6]}";
        var later = Title("Later");
        var soon = Title("Soon");
        var laterId = await world.SubmitAsync(world.Body(title: later, validUntil: today.AddDays(20).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        var soonId = await world.SubmitAsync(world.Body(title: soon, validUntil: today.AddDays(3).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));

        var kam = new PageBrowser(app);
        await kam.SignInAsync(world.Kam.Email);
        var page = await kam.GetPageAsync("/app/my-day");
        var section = SectionOf(page);
        Assert.True(section.IndexOf(soon, StringComparison.Ordinal) < section.IndexOf(later, StringComparison.Ordinal), "the proposal ending first comes first");
        // The KAM reads pt-BR: three days left is within the week, so it is marked; twenty is not.
        Assert.Contains("Válida por mais 3 dias", section, StringComparison.Ordinal);
        Assert.Contains("Válida por mais 20 dias", section, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(section, "badge late"));
        Assert.Contains(world.Account.Name, section, StringComparison.Ordinal);

        var other = new PageBrowser(app);
        await other.SignInAsync(world.People.KamB.Email);
        var theirs = await other.GetPageAsync("/app/my-day");
        Assert.DoesNotContain(soon, theirs, StringComparison.Ordinal);
        Assert.Contains("day-proposals", theirs, StringComparison.Ordinal); // a KAM always has the section, empty here

        (await world.KamClient.PostAsJsonAsync($"/api/proposals/{soonId}/outcome", new { outcome = "Won" }, Ct)).EnsureSuccessStatusCode();
        // The outcome is applied in its request: the next page no longer shows it.
        var after = SectionOf(await kam.GetPageAsync("/app/my-day"));
        Assert.DoesNotContain(soonId, after, StringComparison.Ordinal);
        Assert.Contains(laterId, after, StringComparison.Ordinal);

        var head = new PageBrowser(app);
        await head.SignInAsync(world.People.Head.Email);
        Assert.DoesNotContain("day-proposals", await head.GetPageAsync("/app/my-day"), StringComparison.Ordinal);
    }

    private static string SectionOf(string page)
    {
        var match = SectionPattern().Match(page);
        Assert.True(match.Success, "My day has a proposals section");
        return match.Value;
    }

    [GeneratedRegex("<section aria-labelledby=\"h-proposals\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();
}
