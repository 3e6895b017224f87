using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.CalendarFeeds;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Http;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Tasks;

/// <summary>
/// The owner's open tasks in their calendar feed: each a half-hour slot at its due time, named as
/// My day names it (with its account's name if the owner may see the account), linking to My day,
/// where it is completed. Completed tasks leave the feed.
/// </summary>
public sealed class TaskCalendarSource(TaskStore store, AccountStore accounts, IOptions<AppOptions> app) : ICalendarFeedSource
{
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(30);

    /// <summary>The most tasks one feed carries (a person with more has a problem no calendar solves).</summary>
    public const int MostTasks = 1000;

    public async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarFeedOwner owner, CalendarWindow window, CancellationToken ct)
    {
        var tasks = new List<WorkTask>();
        string? token = null;
        do
        {
            var page = await store.ListOpenAsync(owner.User.Id, window.From, window.To, token, Paging.MaxPageSize, ct);
            tasks.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null && tasks.Count < MostTasks);

        var myDay = new Uri(app.Value.PublicBaseUrl!, MyDayPages.Path);
        var names = new AccountNames(accounts, owner.Principal);
        var entries = new List<CalendarEntry>();
        foreach (var task in tasks.Take(MostTasks))
        {
            var account = await names.OfAsync(task.AccountId, ct);
            var title = TaskText.Title(task, owner.Text);
            var outcomes = string.Join(", ", task.Outcomes.Select(o => TaskText.Outcome(o, owner.Text)));
            entries.Add(new CalendarEntry(
                $"task-{task.Id}@kamflows",
                account is null ? title : $"{title} · {account}",
                new CalendarTime.Timed(task.DueAt, Slot),
                owner.Text.Format("feed.task.description", outcomes),
                myDay,
                owner.Text["feed.task.category"]));
        }

        return entries;
    }
}
