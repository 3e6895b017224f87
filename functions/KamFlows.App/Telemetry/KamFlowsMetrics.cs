using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KamFlows.App;

/// <summary>The app's own metrics and traces. The alerts in infra/ watch these names.</summary>
public sealed class KamFlowsMetrics
{
    public const string Name = "KamFlows";

    public static readonly ActivitySource Activities = new(Name);

    public KamFlowsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        SweepLag = meter.CreateHistogram<double>("kamflows.sweep.lag_seconds", "s",
            "How late a due wake-up was when the sweep fired it.");
        EffectsFailed = meter.CreateCounter<long>("kamflows.effects.failed", description: "Effect passes that ended in failure.");
        Transitions = meter.CreateCounter<long>("kamflows.transitions", description: "Process transitions committed.");
        meter.CreateObservableGauge("kamflows.poison.messages", () => PoisonMessages, description: "Work messages in the poison store.");
    }

    public Histogram<double> SweepLag { get; }

    public Counter<long> EffectsFailed { get; }

    public Counter<long> Transitions { get; }

    /// <summary>Messages kept in the poison store, as last counted by the sweep.</summary>
    public long PoisonMessages { get; set; }
}
