using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using KamFlows.App.Features.CalendarFeeds;
using KamFlows.App.Features.Users;
using KamFlows.App.Pages;
using KamFlows.App.Storage;
using KamFlows.App.Tests.Pages;
using KamFlows.Domain.Tasks;

namespace KamFlows.App.Tests.CalendarFeeds;

/// <summary>
/// Calendar feeds: an address that carries its own secret (only its hash stored), revoked by a new
/// one, times on the owner's clock across a DST change, and the feed read back by ical.js.
/// </summary>
public sealed class CalendarFeedTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Uri> AddressAsync(User user)
    {
        var made = await app.ClientFor(user.Email).PostAsync("/api/me/calendar-feed", null, Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        return (await made.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("address").GetString() is { } address ? new Uri(address) : throw new InvalidOperationException("no address");
    }

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> FetchAsync(Uri address) => await app.CreateClient().GetAsync(address.PathAndQuery, Ct);

    [Fact]
    public async Task Times_are_on_the_owners_clock_across_Lisbons_change_to_summer_time_and_in_Sao_Paulo_without_one()
    {
        var lisbon = await app.UserAsync("lx", "Europe/Lisbon", "pt-PT");
        var saoPaulo = await app.UserAsync("sp", "America/Sao_Paulo");
        // Lisbon moves to summer time on Sunday 29 March 2026; 09:00 local is 09:00Z before and 08:00Z after. São Paulo stays at -03:00.
        foreach (var user in new[] { lisbon, saoPaulo })
        {
            foreach (var day in new[] { new DateOnly(2026, 3, 27), new DateOnly(2026, 3, 30) })
            {
                await app.GiveAsync(new CreateTask("call-customer", user.Id, new TaskDue.AssigneeLocal(day, new TimeOnly(9, 0))));
            }
        }

        var inLisbon = await IcsCheck.ValidAsync(await (await FetchAsync(await AddressAsync(lisbon))).Content.ReadAsStringAsync(Ct));
        var inSaoPaulo = await IcsCheck.ValidAsync(await (await FetchAsync(await AddressAsync(saoPaulo))).Content.ReadAsStringAsync(Ct));

        Assert.Equal(["Europe/Lisbon"], inLisbon.Calendar!.Timezones);
        Assert.Equal(["2026-03-27T09:00:00", "2026-03-30T09:00:00"], inLisbon.Events.Select(e => e.Local));
        Assert.All(inLisbon.Events, e => Assert.Equal("Europe/Lisbon", e.Tzid));
        Assert.Equal([Utc("2026-03-27T09:00:00Z"), Utc("2026-03-30T08:00:00Z")], inLisbon.Events.Select(e => e.StartUtc!.Value));
        Assert.Equal(["America/Sao_Paulo"], inSaoPaulo.Calendar!.Timezones);
        Assert.Equal([Utc("2026-03-27T12:00:00Z"), Utc("2026-03-30T12:00:00Z")], inSaoPaulo.Events.Select(e => e.StartUtc!.Value));
        Assert.All(inSaoPaulo.Events, e => Assert.Equal(e.StartUtc + TimeSpan.FromMinutes(30), e.EndUtc));
        Assert.All(inLisbon.Events, e => Assert.Equal("Telefonar ao cliente", e.Summary)); // in the owner's language
        Assert.Equal("2.0", inLisbon.Calendar.Version);
        Assert.Equal(CalendarFeedWriter.ProductId, inLisbon.Calendar.Prodid);
    }

    [Fact]
    public async Task The_hour_that_happens_twice_is_written_in_utc_and_read_back_exactly()
    {
        // Lisbon goes back from 02:00 to 01:00 on 25 October 2026: 01:30 local happens at 00:30Z and at 01:30Z.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
        var user = new User("u1", "u@kamflows.test", "U", [], "PT", null, "Europe/Lisbon", "en", null, 0, true);
        var owner = new CalendarFeedOwner(user, new System.Security.Claims.ClaimsPrincipal(), zone, new PageTexts().For("en"));
        var first = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);
        var second = first.AddHours(1);
        var ics = CalendarFeedWriter.Write(owner, new CalendarWindow(first.AddDays(-1), first.AddDays(1), first.AddDays(-1)),
        [
            new CalendarEntry("a@kamflows", "first", new CalendarTime.Timed(first, TimeSpan.FromMinutes(30))),
            new CalendarEntry("b@kamflows", "second", new CalendarTime.Timed(second, TimeSpan.FromMinutes(30))),
            new CalendarEntry("c@kamflows", "a day", new CalendarTime.AllDay(new DateOnly(2026, 10, 26))),
        ]);

        var read = await IcsCheck.ValidAsync(ics);

        Assert.Equal([first, second], read.Events.Where(e => !e.AllDay).Select(e => e.StartUtc!.Value));
        Assert.All(read.Events.Where(e => !e.AllDay), e => Assert.Null(e.Tzid));
        Assert.Equal("2026-10-26", Assert.Single(read.Events, e => e.AllDay).Local);
    }

    [Fact]
    public async Task An_address_works_only_with_its_current_secret_for_an_active_user_and_only_its_hash_is_kept()
    {
        var kam = await app.UserAsync("kam", "America/Sao_Paulo");
        var (_, task) = await app.GiveAsync(new CreateTask("call-customer", kam.Id, new TaskDue.At(app.Clock.GetUtcNow().AddDays(1))));
        var client = app.ClientFor(kam.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/me/calendar-feed", Ct)).StatusCode);

        var first = await AddressAsync(kam);
        var secret = System.Web.HttpUtility.ParseQueryString(first.Query)["key"]!;
        Assert.Equal($"/app/feeds/{kam.Id}.ics", first.AbsolutePath);
        var feed = await FetchAsync(first);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains($"task-{task.Id}@kamflows", await feed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var status = await app.ReadAsync<JsonElement>(await client.GetAsync("/api/me/calendar-feed", Ct));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("address").ValueKind); // shown only when made

        var row = (await app.Storage.Table(StorageLayout.CalendarFeedsTable).GetEntityAsync<TableEntity>(kam.Id, "feed", cancellationToken: Ct)).Value;
        Assert.DoesNotContain(row, p => p.Value is string s && s.Contains(secret, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/app/feeds/{kam.Id}.ics?key=wrong", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/app/feeds/{kam.Id}.ics", Ct)).StatusCode);
        var other = await app.UserAsync("other", "America/Sao_Paulo");
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/app/feeds/{other.Id}.ics?key={Uri.EscapeDataString(secret)}", Ct)).StatusCode);

        var second = await AddressAsync(kam);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(second)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me/calendar-feed", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(second)).StatusCode);

        var third = await AddressAsync(kam);
        await DeactivateAsync(kam);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(third)).StatusCode);
    }

    [Fact]
    public async Task A_feed_holds_only_its_owners_tasks_and_a_user_without_a_record_gets_none()
    {
        var world = await PageWorld.CreateAsync(app);
        var (_, mine) = await world.TaskForAsync(world.KamA, world.AccountA, TimeSpan.FromDays(2));
        var (_, theirs) = await world.TaskForAsync(world.KamB, world.AccountB, TimeSpan.FromDays(2));

        var read = await IcsCheck.ValidAsync(await (await FetchAsync(await AddressAsync(world.KamA))).Content.ReadAsStringAsync(Ct));

        var only = Assert.Single(read.Events);
        Assert.Equal($"task-{mine.Id}@kamflows", only.Uid);
        Assert.Contains(world.AccountA.Name, only.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(read.Events, e => e.Uid.Contains(theirs.Id, StringComparison.Ordinal));
        Assert.Equal("https://kamflows.test/app/my-day", only.Url);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.AdminClient().PostAsync("/api/me/calendar-feed", null, Ct)).StatusCode);
    }

    private async Task DeactivateAsync(User user) =>
        (await app.AdminClient().PostAsync($"/api/users/{user.Id}/deactivate", null, Ct)).EnsureSuccessStatusCode();
}
