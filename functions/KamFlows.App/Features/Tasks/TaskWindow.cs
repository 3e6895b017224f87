using System.Globalization;
using KamFlows.Domain.Calendar;

namespace KamFlows.App.Features.Tasks;

/// <summary>Where an open task stands on its assignee's clock.</summary>
public enum TaskWindow
{
    /// <summary>Due before now.</summary>
    Overdue,

    /// <summary>Due from now to the end of the assignee's day.</summary>
    Today,

    /// <summary>Due on a later day.</summary>
    Upcoming,
}

/// <summary>The one rule of overdue / today / upcoming, read in the assignee's time zone.</summary>
public static class TaskWindows
{
    public static (DateTimeOffset? From, DateTimeOffset? To) Range(TaskWindow window, DateTimeOffset now, TimeZoneInfo zone)
    {
        var tomorrow = WallClock.ToInstant(WallClock.DateOf(now, zone).AddDays(1), TimeOnly.MinValue, zone);
        return window switch
        {
            TaskWindow.Overdue => (null, now),
            TaskWindow.Today => (now, tomorrow),
            _ => (tomorrow, null),
        };
    }

    public static TaskWindow Of(DateTimeOffset dueAt, DateTimeOffset now, TimeZoneInfo zone) =>
        dueAt < now ? TaskWindow.Overdue
        : dueAt < WallClock.ToInstant(WallClock.DateOf(now, zone).AddDays(1), TimeOnly.MinValue, zone) ? TaskWindow.Today
        : TaskWindow.Upcoming;

    public static TimeZoneInfo ZoneOr(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>A task as the API shows it: with its due time on the assignee's clock and, while open, its window.</summary>
public sealed record TaskView(WorkTask Task, string DueLocal, TaskWindow? Window)
{
    public static TaskView Of(WorkTask task, DateTimeOffset now)
    {
        var zone = TaskWindows.ZoneOr(task.TimeZone);
        var local = TimeZoneInfo.ConvertTime(task.DueAt, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        return new TaskView(task, local, task.IsOpen ? TaskWindows.Of(task.DueAt, now, zone) : null);
    }
}
