using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Pages;
using KamFlows.App.Security;

namespace KamFlows.App.Features.CalendarFeeds;

/// <summary>
/// My calendar feed over the API (see its address, get a new one, turn it off), and the feed itself:
/// <c>GET /app/feeds/{userId}.ics?key={secret}</c>, anonymous, authenticated by its secret alone
/// (a query parameter, which traces record redacted). Anything wrong with it is a plain 404.
/// </summary>
public static class CalendarFeedApi
{
    public const string FeedPrefix = "/app/feeds";

    public static IEndpointRouteBuilder MapCalendarFeedApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("api/me/calendar-feed").WithTags("Calendar feed");
        me.MapGet("", Get).WithName("GetMyCalendarFeed").WithSummary("Whether I have a calendar feed and since when (its address is shown only when it is made).");
        me.MapPost("", Renew).WithName("RenewMyCalendarFeed")
            .WithSummary("Makes my calendar feed's private address (iCalendar, my tasks on my clock); any earlier address stops working.");
        me.MapDelete("", TurnOff).WithName("TurnOffMyCalendarFeed").WithSummary("Turns my calendar feed off: its address stops working.");
        app.MapGet(FeedPrefix + "/{userId}.ics", Feed).AllowAnonymous().ExcludeFromDescription().WithName("CalendarFeed");
        return app;
    }

    public sealed record FeedAnswer(DateTimeOffset CreatedAt, Uri? Address);

    private static async Task<Results<Ok<FeedAnswer>, NotFound>> Get(ClaimsPrincipal principal, CalendarSubscriptions feeds, CancellationToken ct) =>
        principal.KamFlowsUserId() is { } me && await feeds.FindAsync(me, ct) is { } feed ? TypedResults.Ok(new FeedAnswer(feed.CreatedAt, null)) : TypedResults.NotFound();

    private static async Task<Results<Created<FeedAnswer>, ProblemHttpResult>> Renew(ClaimsPrincipal principal, CalendarSubscriptions feeds, CancellationToken ct)
    {
        if (principal.KamFlowsUserId() is not { } me)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No user record",
                detail: "A calendar feed shows a user's own tasks; a bootstrap administrator has none until an administrator creates the user.");
        }

        var (address, feed) = await feeds.RenewAsync(me, ct);
        return TypedResults.Created("/api/me/calendar-feed", new FeedAnswer(feed.CreatedAt, address));
    }

    private static async Task<NoContent> TurnOff(ClaimsPrincipal principal, CalendarSubscriptions feeds, CancellationToken ct)
    {
        if (principal.KamFlowsUserId() is { } me)
        {
            await feeds.TurnOffAsync(me, ct);
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> Feed(string userId, string? key, CalendarSubscriptions feeds, CancellationToken ct)
    {
        if (!AccountStore.IsKey(userId) || string.IsNullOrEmpty(key) || key.Length > 128 || await feeds.ReadAsync(userId, key, ct) is not { } calendar)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Text(calendar, "text/calendar; charset=utf-8");
    }
}
