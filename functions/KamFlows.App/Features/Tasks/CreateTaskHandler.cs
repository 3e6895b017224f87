using KamFlows.App.Engine;
using KamFlows.Domain.Tasks;

namespace KamFlows.App.Features.Tasks;

/// <summary>
/// Performs <see cref="CreateTask"/>: the task's id follows from the effect id, so a repeat creates
/// nothing. A business due time is resolved here, with the process's calendars, from the time the
/// transition decided the task (not the time it is performed, which a retry makes later).
/// </summary>
internal sealed class CreateTaskHandler(TaskLifecycle tasks, WakeTimes wakeTimes) : EffectHandler<CreateTask>
{
    public override string Kind => CreateTask.KindName;

    protected override Task PerformAsync(CreateTask effect, EffectContext context, CancellationToken cancellationToken)
    {
        if (effect.Due is TaskDue.Business business)
        {
            effect = effect with { Due = new TaskDue.At(wakeTimes.Resolve(business.When, context.DecidedAt, context.Instance.Calendars)) };
        }

        return tasks.CreateAsync(effect, context.EffectId, context.Instance.Id, cancellationToken, effect.Title);
    }
}
