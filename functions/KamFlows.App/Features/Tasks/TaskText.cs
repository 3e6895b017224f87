using KamFlows.App.Pages;

namespace KamFlows.App.Features.Tasks;

/// <summary>What a task is called on a page or in a calendar: its own title, else its kind in the reader's words (the kind's code when the pages do not know it yet).</summary>
public static class TaskText
{
    public static string Title(WorkTask task, PageText text) => task.Title ?? text.Or("task.kind." + task.Kind, task.Kind);

    public static string Outcome(string outcome, PageText text) => text.Or("task.outcome." + outcome, outcome);
}
