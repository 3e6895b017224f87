using System.Security.Claims;
using KamFlows.App.Features.Users;
using KamFlows.App.Pages;

namespace KamFlows.App.Features.CalendarFeeds;

/// <summary>
/// What one feature puts in a person's calendar feed (tasks, visits, calls and meetings among them; tender
/// milestones), registered as an <see cref="ICalendarFeedSource"/> by that feature. The feed asks every
/// source for the entries of its owner within the window and writes them all.
/// </summary>
public interface ICalendarFeedSource
{
    Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarFeedOwner owner, CalendarWindow window, CancellationToken ct);
}

/// <summary>
/// Whose feed it is: the user record, a principal made from it (so the sources apply the same access
/// rules as pages: <c>AccountAccess.Of(owner.Principal, …)</c>), their time zone and their language's strings.
/// </summary>
public sealed record CalendarFeedOwner(User User, ClaimsPrincipal Principal, TimeZoneInfo Zone, PageText Text);

/// <summary>The span a feed covers, and the time it is written.</summary>
public sealed record CalendarWindow(DateTimeOffset From, DateTimeOffset To, DateTimeOffset Now);

/// <summary>When an entry happens: at an instant for a while, or on a day.</summary>
public abstract record CalendarTime
{
    public sealed record Timed(DateTimeOffset Start, TimeSpan Duration) : CalendarTime;

    public sealed record AllDay(DateOnly Date) : CalendarTime;
}

/// <summary>
/// One event of the feed. <paramref name="Uid"/> is stable for the thing it shows (a calendar updates
/// the event rather than adding another); the texts are in the owner's language; no personal data of
/// customers' contacts.
/// </summary>
public sealed record CalendarEntry(string Uid, string Summary, CalendarTime When, string? Description = null, Uri? Link = null, string? Category = null);
