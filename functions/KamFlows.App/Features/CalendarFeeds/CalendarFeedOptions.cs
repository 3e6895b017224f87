using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Features.CalendarFeeds;

/// <summary>How much of the past and future a calendar feed covers (section <c>CalendarFeeds</c>).</summary>
public sealed class CalendarFeedOptions
{
    public const string Section = "CalendarFeeds";

    /// <summary>Days back: entries before that leave the feed (an overdue task stays while it is open and this recent).</summary>
    [Range(0, 366)]
    public int PastDays { get; set; } = 30;

    /// <summary>Days ahead: a tender nine months out belongs in it.</summary>
    [Range(1, 731)]
    public int FutureDays { get; set; } = 400;
}
