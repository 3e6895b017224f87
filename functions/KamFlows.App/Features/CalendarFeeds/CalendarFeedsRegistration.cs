using KamFlows.App.Features.CalendarFeeds;
using KamFlows.App.Pages;
using KamFlows.App.Security;

namespace Microsoft.Extensions.Hosting;

internal static class CalendarFeedsRegistration
{
    /// <summary>Private calendar feeds (their secrets' hashes, the iCalendar writer, the page). Their sources are registered by their features (ICalendarFeedSource).</summary>
    public static IHostApplicationBuilder AddKamFlowsCalendarFeeds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CalendarFeedOptions>().BindConfiguration(CalendarFeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CalendarFeedStore>();
        builder.Services.AddSingleton<CalendarSubscriptions>();
        builder.Services.AddPageLink(new PageLink(CalendarFeedPages.Path, "nav.feed", "nav.feed.text", Policies.Pages, 90));
        return builder;
    }
}
