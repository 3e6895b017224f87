using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

/// <summary>What an effect handler knows of the instance that decided the effect, and when the effect was decided.</summary>
public sealed record EffectContext(string EffectId, ProcessInstance Instance)
{
    /// <summary>The time of the transition that decided the effect: business times in the effect count from it, however late it is performed.</summary>
    public DateTimeOffset DecidedAt { get; init; }
}

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
