using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Visits;

namespace KamFlows.App.Features.Visits;

/// <summary>
/// A visit task completed from the task list (not recorded) still counts as done: the visit is marked
/// done, so it is not shown missed. It leaves no entry in the interaction log: only recording does.
/// </summary>
internal sealed class VisitTaskCompletion(VisitStore visits) : IWorkTaskCompletionListener
{
    public bool Concerns(WorkTask task) => WeekPlanning.IsVisitTask(task);

    public async Task OnCompletedAsync(WorkTask done, CancellationToken ct)
    {
        if (done.SourceKey!.Split('|') is [_, var accountId, var weekText, var kamId] && IsoWeek.TryParse(weekText, out var week)
            && await visits.FindAsync(accountId, week, kamId, ct) is { Value.Status: VisitStatus.Planned } found)
        {
            try
            {
                await visits.UpdateAsync(found.Value with { Status = VisitStatus.Done, DoneAt = done.CompletedAt }, found.ETag, ct);
            }
            catch (ConcurrencyConflictException)
            {
                // recorded or moved meanwhile: heard again after a crash, or the recording marks it
            }
        }
    }
}
