using KamFlows.Domain.Calendar;

namespace KamFlows.Domain.Email;

/// <summary>How a user wants reminders: each at once, or gathered in one email at 08:00 their time.</summary>
public enum ReminderDelivery
{
    Immediate,
    DailyDigest,
}

/// <summary>The rule of which emails may wait for the digest, in one place.</summary>
public static class NotificationRules
{
    /// <summary>When the digest goes out, on the user's own clock.</summary>
    public static readonly TimeOnly DigestTime = new(8, 0);

    /// <summary>Only reminders wait; escalations, approval requests and messages never do.</summary>
    public static bool WaitsForDigest(NotificationCategory category, ReminderDelivery preference) =>
        category == NotificationCategory.Reminder && preference == ReminderDelivery.DailyDigest;

    /// <summary>The first 08:00 on the user's clock strictly after <paramref name="now"/> (a clock gap at 08:00 follows <see cref="WallClock"/>'s rule).</summary>
    public static DateTimeOffset NextDigestAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = WallClock.DateOf(now, zone);
        var at = WallClock.ToInstant(today, DigestTime, zone);
        return at > now ? at : WallClock.ToInstant(today.AddDays(1), DigestTime, zone);
    }
}
