using KamFlows.App.Features.Tasks;
using KamFlows.Domain.Plans;

namespace KamFlows.App.Features.Plans;

/// <summary>
/// Completing the task of a plan action marks the action done in the draft (idempotent), so progress
/// rolls up. The plan service is resolved when needed: it depends, through the delivery of task
/// requests, on the task lifecycle that calls this listener.
/// </summary>
public sealed class PlanActionCompletion(IServiceProvider services) : IWorkTaskCompletionListener
{
    public bool Concerns(WorkTask task) =>
        task is { Kind: "plan-action", ProcessId: null, AccountId: not null, SourceKey: { } key } && ActionIdOf(task.AccountId, key) is not null;

    public async Task OnCompletedAsync(WorkTask done, CancellationToken ct)
    {
        if (done.Outcome == CreateTaskDone && ActionIdOf(done.AccountId!, done.SourceKey!) is { } actionId)
        {
            await services.GetRequiredService<PlanService>().CompleteActionAsync(done.AccountId!, actionId, done.CompletedByUserId ?? done.AssigneeUserId, ct);
        }
    }

    private const string CreateTaskDone = Domain.Tasks.CreateTask.Done;

    private static string? ActionIdOf(string accountId, string key)
    {
        var prefix = PlanActionTasks.KeyOf(accountId, string.Empty);
        return key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length ? key[prefix.Length..] : null;
    }
}
