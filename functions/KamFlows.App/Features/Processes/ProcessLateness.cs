using KamFlows.App.Engine;

namespace KamFlows.App.Features.Processes;

/// <summary>
/// When a running process is late ("stuck"): a wake-up it set (a reminder, an escalation, a deadline)
/// is past by more than <see cref="Grace"/> and it has not moved on. The minute sweep fires what
/// comes due, so a wake-up left that long behind means the process is waiting where the board shows.
/// </summary>
public static class ProcessLateness
{
    /// <summary>Twice the sweep's period: a wake-up due a moment ago is not late yet.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public static bool IsLate(ProcessSummary process, DateTimeOffset now) =>
        process.Status == ProcessStatus.Running && process.NextWakeUpAt is { } due && due + Grace < now;
}
