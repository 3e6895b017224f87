namespace KamFlows.App.Features.Tasks;

/// <summary>
/// Hears that an assignee completed a task no process waits on (a plan's action): what asked for
/// the task takes note. Told after the completion is stored, guarded like telling a process (a crash
/// in between tells it again from the sweep), so hearing the same completion twice must be harmless.
/// </summary>
public interface IWorkTaskCompletionListener
{
    /// <summary>Whether this listener wants to hear of <paramref name="task"/>'s completion.</summary>
    bool Concerns(WorkTask task);

    Task OnCompletedAsync(WorkTask done, CancellationToken ct);
}
