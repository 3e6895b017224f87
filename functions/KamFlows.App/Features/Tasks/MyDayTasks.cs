using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Pages;

namespace KamFlows.App.Features.Tasks;

/// <summary>A task on My day: the task, where it stands on the assignee's clock, and its account's name if the reader may see the account.</summary>
public sealed record DayTask(WorkTask Task, TaskWindow Window, string? AccountName);

/// <summary>
/// My day's tasks: the reader's own overdue and today's tasks (their partition of the tasks table,
/// two key ranges, on their clock: <see cref="TaskWindows"/>), with a form to complete each.
/// </summary>
public sealed class MyDayTasks(TaskStore store, AccountStore accounts) : IMyDaySection
{
    /// <summary>The most tasks of each window shown; the page says when there are more.</summary>
    public const int MostShown = 100;

    public int Order => MyDaySectionOrder.Tasks;

    public async Task<MyDaySectionView?> ReadAsync(PageViewer viewer, CancellationToken ct)
    {
        if (viewer.User is not { } user)
        {
            return null;
        }

        var now = viewer.Clock.Now;
        var (_, endOfToday) = TaskWindows.Range(TaskWindow.Today, now, viewer.Clock.Zone);
        var overdue = await store.ListOpenAsync(user.Id, null, now, null, MostShown, ct);
        var today = await store.ListOpenAsync(user.Id, now, endOfToday, null, MostShown, ct);

        var names = new AccountNames(accounts, viewer.Principal);
        var shown = new List<DayTask>();
        foreach (var task in overdue.Items)
        {
            shown.Add(new DayTask(task, TaskWindow.Overdue, await names.OfAsync(task.AccountId, ct)));
        }

        foreach (var task in today.Items)
        {
            shown.Add(new DayTask(task, TaskWindow.Today, await names.OfAsync(task.AccountId, ct)));
        }

        return new MyDaySectionView(typeof(MyDayTasksSection), new Dictionary<string, object>
        {
            [nameof(MyDayTasksSection.Tasks)] = shown,
            [nameof(MyDayTasksSection.Clock)] = viewer.Clock,
            [nameof(MyDayTasksSection.More)] = overdue.ContinuationToken is not null || today.ContinuationToken is not null,
        });
    }
}
