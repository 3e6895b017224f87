using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Engine;

public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>Tries of an effect within one pass (with backoff), before it is left for the next pass.</summary>
    [Range(1, 10)]
    public int EffectAttempts { get; set; } = 3;

    /// <summary>First backoff between tries within a pass; doubles each try.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan EffectRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long committed effects may take before the sweep finishes them instead.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan EffectLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Transitions of one input that lose the optimistic race are retried this many times.</summary>
    [Range(1, 1000)]
    public int MaxConflictRetries { get; set; } = 200;
}
