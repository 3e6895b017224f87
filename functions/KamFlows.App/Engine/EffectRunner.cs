using System.Text.Json;
using System.Text.Json.Serialization;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace KamFlows.App.Engine;

/// <summary>
/// Turns decided effects into outbox entries and performs them through their handlers, with a few
/// quick retries (Polly). What still fails is reported, never dropped: it stays in the outbox.
/// </summary>
public sealed partial class EffectRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly Dictionary<string, IEffectHandler> _handlers;
    private readonly ResiliencePipeline _retry;
    private readonly ILogger<EffectRunner> _logger;
    private readonly KamFlowsMetrics _metrics;

    public EffectRunner(IEnumerable<IEffectHandler> handlers, IOptions<EngineOptions> options, TimeProvider clock, KamFlowsMetrics metrics, ILogger<EffectRunner> logger)
    {
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _logger = logger;
        _metrics = metrics;
        _retry = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.Value.EffectAttempts - 1),
                Delay = options.Value.EffectRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            })
            .Build();
    }

    public OutboxEntry ToOutbox(string effectId, Effect effect, DateTimeOffset decidedAt)
    {
        if (!_handlers.ContainsKey(effect.Kind))
        {
            throw new InvalidOperationException($"No handler performs effects of kind '{effect.Kind}'.");
        }

        return new OutboxEntry(effectId, effect.Kind, JsonSerializer.Serialize(effect, effect.GetType(), Json), decidedAt);
    }

    /// <summary>Performs one outbox entry. Returns null when done, else what went wrong (no personal data: the exception's type and message).</summary>
    public async Task<string?> PerformAsync(OutboxEntry entry, ProcessInstance instance, CancellationToken ct)
    {
        if (!_handlers.TryGetValue(entry.Kind, out var handler))
        {
            return $"no handler for effect kind '{entry.Kind}'";
        }

        try
        {
            var effect = (Effect)JsonSerializer.Deserialize(entry.Json, handler.EffectType, Json)!;
            await _retry.ExecuteAsync(async token => await handler.PerformAsync(effect, new EffectContext(entry.Id, instance) { DecidedAt = entry.DecidedAt }, token), ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _metrics.EffectsFailed.Add(1, new KeyValuePair<string, object?>("kind", entry.Kind));
            LogFailed(_logger, e, entry.Kind, entry.Id, instance.Id);
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Effect {Kind} {EffectId} of instance {InstanceId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string kind, string effectId, string instanceId);
}
