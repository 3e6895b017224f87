using System.Text.Json;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

// The engine's own effects. They reach the engine through the service provider, because the engine
// itself depends on the effect runner that calls them.

internal sealed class StartChildHandler(IServiceProvider services, ProcessRegistry registry, CrashInjection crash) : EffectHandler<StartChildEffect>
{
    public override string Kind => StartChildEffect.KindName;

    protected override async Task PerformAsync(StartChildEffect effect, EffectContext context, CancellationToken ct)
    {
        var definition = registry.Latest(effect.Definition) ?? throw new InvalidOperationException($"No process '{effect.Definition}'.");
        using var json = JsonDocument.Parse(effect.CommandJson);
        var command = definition.ReadCommand(json.RootElement);
        // Idempotent: the child's id follows from its business key.
        await services.GetRequiredService<ProcessEngine>().StartAsync(
            new StartRequest(effect.Definition, effect.BusinessKey, command, effect.Parties, effect.Calendars, effect.AccountId, effect.ParentId),
            Sender.System,
            ct);
        crash.At(SavePoint.AfterChildStart);
    }
}

internal sealed class NotifyParentHandler(IServiceProvider services) : EffectHandler<NotifyParentEffect>
{
    public override string Kind => NotifyParentEffect.KindName;

    protected override Task PerformAsync(NotifyParentEffect effect, EffectContext context, CancellationToken ct) =>
        services.GetRequiredService<ProcessEngine>().SendAsync(
            effect.ParentId,
            $"child|{effect.ChildId}",
            new EngineInput.ChildCompleted(effect.ChildId, effect.Definition, effect.BusinessKey, effect.Outcome, effect.ResultJson),
            Sender.System,
            ct);
}

internal sealed class TerminateChildHandler(IServiceProvider services) : EffectHandler<TerminateChildEffect>
{
    public override string Kind => TerminateChildEffect.KindName;

    protected override Task PerformAsync(TerminateChildEffect effect, EffectContext context, CancellationToken ct) =>
        services.GetRequiredService<ProcessEngine>().TerminateAsync(effect.ChildId, effect.Reason, Sender.System, ct);
}

internal sealed class IndexHandler(InstanceStore store, ProcessIndex index) : EffectHandler<IndexEffect>
{
    public override string Kind => IndexEffect.KindName;

    protected override async Task PerformAsync(IndexEffect effect, EffectContext context, CancellationToken ct)
    {
        // The instance as it is now, not as it was when the effect was decided: out-of-order passes converge.
        var current = (await store.LoadAsync(context.Instance.Id, ct))?.Instance ?? context.Instance;
        await index.UpdateAsync(current, effect.PreviousKeys, ct);
    }
}
