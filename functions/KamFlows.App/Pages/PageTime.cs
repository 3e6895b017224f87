using System.Globalization;
using KamFlows.Domain.Calendar;

namespace KamFlows.App.Pages;

/// <summary>
/// How pages write an instant: on the reader's clock (their time zone from the users table; UTC for
/// someone without a record), in their language's short date and time.
/// </summary>
public sealed record PageClock(TimeZoneInfo Zone, DateTimeOffset Now)
{
    public static PageClock Utc(DateTimeOffset now) => new(TimeZoneInfo.Utc, now);

    public static PageClock Of(string? timeZone, DateTimeOffset now) =>
        new(timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc, now);

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public DateOnly Today => WallClock.DateOf(Now, Zone);

    public string Format(DateTimeOffset at, string language) =>
        Local(at).ToString("g", CultureInfo.GetCultureInfo(language));
}
