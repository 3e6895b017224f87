using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Hosting;

/// <summary>How the app stands in for the Functions host when it runs on its own (locally, in tests).</summary>
public sealed class LocalTriggerOptions
{
    public const string Section = "LocalTriggers";

    /// <summary>Run the timer and queue loops in-process. Ignored (always off) under the Functions host.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an empty queue is left alone before it is polled again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a received message stays invisible while it is handled (the host's default is 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Deliveries before a message is moved to the poison queue: the host's default, 5.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;
}
