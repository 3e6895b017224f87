using System.Security.Claims;
using KamFlows.App.Pages;
using KamFlows.App.Security;

namespace KamFlows.App.Features.CalendarFeeds;

/// <summary>
/// The calendar feed page: whether I have a feed, getting its address (shown once, on the answer to
/// the POST that makes it: only its hash is kept), getting a new one, turning it off.
/// </summary>
public static class CalendarFeedPages
{
    public const string Path = "/app/calendar-feed";
    public const string OffPath = "/app/calendar-feed/off";

    public static IEndpointRouteBuilder MapCalendarFeedPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(Path).AsPages().RequireAuthorization(Policies.Pages);
        pages.MapGet("", Show).WithName("CalendarFeedPage");
        pages.MapPost("", Renew).WithName("RenewCalendarFeedPage");
        pages.MapPost("/off", TurnOff).WithName("TurnOffCalendarFeedPage");
        return app;
    }

    private static async Task<RazorComponentResult> Show(string? notice, ClaimsPrincipal principal, PageViewers viewers, CalendarSubscriptions feeds, CancellationToken ct)
    {
        var viewer = await viewers.ReadAsync(principal, ct);
        var feed = viewer.UserId is { } me ? await feeds.FindAsync(me, ct) : null;
        return Page(viewer, feed, null, notice == "off");
    }

    private static async Task<IResult> Renew(ClaimsPrincipal principal, PageViewers viewers, CalendarSubscriptions feeds, CancellationToken ct)
    {
        var viewer = await viewers.ReadAsync(principal, ct);
        if (viewer.UserId is not { } me)
        {
            return TypedResults.Forbid(authenticationSchemes: [PageCookie.Scheme]);
        }

        var (address, feed) = await feeds.RenewAsync(me, ct);
        return Page(viewer, feed, address, false);
    }

    private static async Task<RedirectHttpResult> TurnOff(ClaimsPrincipal principal, CalendarSubscriptions feeds, CancellationToken ct)
    {
        if (principal.KamFlowsUserId() is { } me)
        {
            await feeds.TurnOffAsync(me, ct);
        }

        return TypedResults.Redirect(Path + "?notice=off");
    }

    private static RazorComponentResult Page(PageViewer viewer, CalendarFeed? feed, Uri? address, bool turnedOff) =>
        new(typeof(CalendarFeedPage), new Dictionary<string, object?>
        {
            [nameof(CalendarFeedPage.Viewer)] = viewer,
            [nameof(CalendarFeedPage.Feed)] = feed,
            [nameof(CalendarFeedPage.Address)] = address,
            [nameof(CalendarFeedPage.TurnedOff)] = turnedOff,
        });
}
