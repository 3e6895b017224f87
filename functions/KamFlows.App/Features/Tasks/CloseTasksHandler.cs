using KamFlows.App.Engine;
using KamFlows.Domain.Tasks;

namespace KamFlows.App.Features.Tasks;

/// <summary>
/// Performs <see cref="CloseTasks"/>: the open tasks of those kinds that the deciding process gave the
/// assignee on the account are closed for the system. A closed task stays closed, so a repeat does nothing.
/// </summary>
internal sealed class CloseTasksHandler(TaskStore store, TaskLifecycle tasks) : EffectHandler<CloseTasks>
{
    public override string Kind => CloseTasks.KindName;

    protected override async Task PerformAsync(CloseTasks effect, EffectContext context, CancellationToken cancellationToken)
    {
        foreach (var task in await store.OpenOfAccountAsync(effect.AssigneeUserId, effect.AccountId, cancellationToken))
        {
            if (task.ProcessId == context.Instance.Id && effect.TaskKinds.Contains(task.Kind, StringComparer.Ordinal))
            {
                await tasks.CloseAsync(task.Id, effect.Outcome, cancellationToken);
            }
        }
    }
}
