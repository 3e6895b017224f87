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
    }

    public Histogram<double> SweepLag { get; }
}
