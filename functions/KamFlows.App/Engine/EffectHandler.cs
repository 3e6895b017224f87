using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

/// <summary>What an effect handler knows of the instance that decided the effect.</summary>
public sealed record EffectContext(string EffectId, ProcessInstance Instance);

/// <summary>
/// Performs one kind of effect. Must be idempotent by <see cref="EffectContext.EffectId"/>: the engine
/// performs an effect at least once, and after a crash between performing and recording it, twice.
/// </summary>
public interface IEffectHandler
{
    string Kind { get; }

    Type EffectType { get; }

    Task PerformAsync(Effect effect, EffectContext context, CancellationToken cancellationToken);
}

public abstract class EffectHandler<TEffect> : IEffectHandler
    where TEffect : Effect
{
    public abstract string Kind { get; }

    public Type EffectType => typeof(TEffect);

    public Task PerformAsync(Effect effect, EffectContext context, CancellationToken cancellationToken) =>
        PerformAsync((TEffect)effect, context, cancellationToken);

    protected abstract Task PerformAsync(TEffect effect, EffectContext context, CancellationToken cancellationToken);
}
