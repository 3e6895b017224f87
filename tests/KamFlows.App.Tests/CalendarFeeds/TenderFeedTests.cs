using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Users;
using KamFlows.App.Tests.Pages;
using KamFlows.App.Tests.Tenders;

namespace KamFlows.App.Tests.CalendarFeeds;

/// <summary>Tenders in calendar feeds: the tender date and the milestones not yet done, for the KAM's own tenders and for the head of KAM all of them; read back by ical.js.</summary>
public sealed class TenderFeedTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> FeedAsync(User user)
    {
        var made = await app.ClientFor(user.Email).PostAsync("/api/me/calendar-feed", null, Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var address = new Uri((await made.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("address").GetString()!);
        return await (await app.CreateClient().GetAsync(address.PathAndQuery, Ct)).Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task The_kam_and_the_head_of_kam_see_the_tender_date_and_its_milestones_and_another_kam_does_not()
    {
        var scenario = await TenderScenario.CreateAsync(app);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(-3)).DateTime);
        var tender = await scenario.RegisterAsync(today.AddMonths(8));
        // Eight months out is a late start: the nine-month milestone is already due, and stays in the feed (30 days back) until done.
        var planned = tender.Milestones.Where(m => m.Status != Domain.Tenders.MilestoneStatus.Done && m.Due >= today.AddDays(-30)).ToList();
        Assert.Contains(tender.Milestones, m => m.Due < today);
        Assert.NotEmpty(planned);

        foreach (var reader in new[] { scenario.Kam, scenario.World.Head })
        {
            var feed = await IcsCheck.ValidAsync(await FeedAsync(reader));
            var date = Assert.Single(feed.Events, e => e.Uid == $"tender-{tender.Id}@kamflows");
            Assert.True(date.AllDay);
            Assert.Equal(tender.TenderDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date.Local);
            Assert.Contains(tender.Reference, date.Summary, StringComparison.Ordinal);
            Assert.Equal(planned.Count, feed.Events.Count(e => e.Uid.StartsWith($"tender-{tender.Id}-", StringComparison.Ordinal)));
        }

        var other = await IcsCheck.ValidAsync(await FeedAsync(scenario.World.KamB));
        Assert.DoesNotContain(other.Events, e => e.Uid.Contains(tender.Id, StringComparison.Ordinal));
    }
}
