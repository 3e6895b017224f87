using KamFlows.App.Engine;
using KamFlows.Domain.Tasks;

namespace KamFlows.App.Features.Tasks;

/// <summary>Performs <see cref="CreateTask"/>: the task's id follows from the effect id, so a repeat creates nothing.</summary>
internal sealed class CreateTaskHandler(TaskLifecycle tasks) : EffectHandler<CreateTask>
{
    public override string Kind => CreateTask.KindName;

    protected override Task PerformAsync(CreateTask effect, EffectContext context, CancellationToken cancellationToken) =>
        tasks.CreateAsync(effect, context.EffectId, context.Instance.Id, cancellationToken);
}
