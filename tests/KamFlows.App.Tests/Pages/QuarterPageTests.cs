using System.Net;
using System.Text.RegularExpressions;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Reviews;

namespace KamFlows.App.Tests.Pages;

/// <summary>The quarter view over HTTP: the quarter's reviews counted, each with whom it waits on, for those who oversee processes.</summary>
public sealed class QuarterPageTests(Azurite azurite)
{
    [Fact]
    public async Task The_head_of_kam_sees_the_quarters_reviews_counted_and_whom_each_waits_on_and_a_kam_is_refused()
    {
        await using var world = await ReviewWorld.CreateAsync(azurite);
        var first = await world.AccountWithPlanAsync();
        var second = await world.AccountWithPlanAsync();
        world.At(ReviewWorld.QuarterStart);
        await world.FireTimerAsync();

        var head = new PageBrowser(world.App);
        await head.SignInAsync(world.People.Head.Email);
        var page = await head.GetPageAsync($"/app/quarter?quarter={ReviewWorld.Quarter}");

        Assert.Matches("data-count=\"open\">2<", page);
        Assert.Matches("data-count=\"submitted\">0<", page);
        foreach (var account in new[] { first, second })
        {
            var row = Regex.Match(page, $"<tr data-account-id=\"{account.Id}\".*?</tr>", RegexOptions.Singleline);
            Assert.True(row.Success, $"a row for {account.Id}");
            Assert.Contains(account.Name, row.Value, StringComparison.Ordinal);
            Assert.Contains(world.Kam.DisplayName, row.Value, StringComparison.Ordinal); // waits on the KAM
        }

        var kam = new PageBrowser(world.App);
        await kam.SignInAsync(world.Kam.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await kam.GetAsync("/app/quarter")).StatusCode);
    }
}
