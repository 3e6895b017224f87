using System.Security.Claims;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Pages;
using KamFlows.App.Security;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.CalendarFeeds;

/// <summary>
/// Private calendar feeds: a person gets an address that carries its own secret (the secret is the
/// only thing that lets a calendar read it: the route is anonymous, as Outlook and Google Calendar
/// fetch it without signing in), gets a new one (the old stops working), or turns it off. A feed of
/// someone no longer active is gone.
/// </summary>
public sealed class CalendarSubscriptions(
    CalendarFeedStore store, UserDirectory users, IEnumerable<ICalendarFeedSource> sources, PageTexts texts,
    IOptions<CalendarFeedOptions> options, IOptions<AppOptions> app, TimeProvider clock)
{
    /// <summary>The address of a feed: its owner and, in the query, its secret.</summary>
    public Uri AddressOf(string userId, string secret) =>
        new(app.Value.PublicBaseUrl!, $"{CalendarFeedApi.FeedPrefix}/{Uri.EscapeDataString(userId)}.ics?key={Uri.EscapeDataString(secret)}");

    public async Task<(Uri Address, CalendarFeed Feed)> RenewAsync(string userId, CancellationToken ct)
    {
        var (secret, feed) = await store.RenewAsync(userId, clock.GetUtcNow(), ct);
        return (AddressOf(userId, secret), feed);
    }

    public Task<CalendarFeed?> FindAsync(string userId, CancellationToken ct) => store.FindAsync(userId, ct);

    public Task TurnOffAsync(string userId, CancellationToken ct) => store.DeleteAsync(userId, ct);

    /// <summary>The feed as iCalendar text, or null when the address is not (or no longer) a feed's.</summary>
    public async Task<string?> ReadAsync(string userId, string secret, CancellationToken ct)
    {
        if (!await store.IsCurrentAsync(userId, secret, ct) || (await users.FindAsync(userId, ct))?.Value is not { Active: true } user)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var window = new CalendarWindow(now.AddDays(-options.Value.PastDays), now.AddDays(options.Value.FutureDays), now);
        var owner = new CalendarFeedOwner(user, PrincipalOf(user), PageClock.Of(user.TimeZone, now).Zone, texts.For(user.Language));
        var entries = new List<CalendarEntry>();
        foreach (var source in sources)
        {
            entries.AddRange(await source.EntriesAsync(owner, window, ct));
        }

        return CalendarFeedWriter.Write(owner, window, entries);
    }

    /// <summary>The owner as the sources' access rules see a signed-in person: their id, membership and roles.</summary>
    private static ClaimsPrincipal PrincipalOf(User user) => new(new ClaimsIdentity(
        [
            new Claim(KamFlowsClaims.UserId, user.Id),
            new Claim(KamFlowsClaims.Member, "true"),
            new Claim(KamFlowsClaims.Language, user.Language),
            .. user.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())),
        ],
        "CalendarFeed", ClaimTypes.Name, ClaimTypes.Role));
}
