using Microsoft.Extensions.Options;

namespace KamFlows.App.Engine;

/// <summary>
/// The places where a crash could lose or repeat work, in the order a transition passes them. The
/// crash-injection harness kills the app at each in turn and checks that nothing is lost or applied twice.
/// </summary>
public enum SavePoint
{
    /// <summary>The due row is written; the transition is not committed.</summary>
    BeforeCommit,

    /// <summary>The transition is committed; its effects are not performed.</summary>
    AfterCommitBeforeEffects,

    /// <summary>An effect is performed; it is not recorded done.</summary>
    AfterEffectBeforeMark,

    /// <summary>The effects are recorded done; the old due row is not cleared.</summary>
    AfterMarkBeforeDueRowMoved,

    /// <summary>The sweep claimed a due row; it has not sent the work item.</summary>
    SweepClaimedBeforeSend,

    /// <summary>A hop of a long wait came due; the next hop is not sent.</summary>
    MidHop,

    /// <summary>A child process is started; the parent has not recorded it.</summary>
    AfterChildStart,
}

public sealed class CrashInjectionOptions
{
    public const string Section = "CrashInjection";

    /// <summary>Where to crash; nothing is injected when unset (always, outside the harness).</summary>
    public SavePoint? Point { get; set; }

    /// <summary>Crash the n-th time the point is passed (1 = the first).</summary>
    public int Occurrence { get; set; } = 1;
}

/// <summary>Kills the process (no finally blocks, no flush: like a pulled plug) at the configured save point.</summary>
public sealed class CrashInjection(IOptions<CrashInjectionOptions> options)
{
    private int _passes;

    public void At(SavePoint point)
    {
        if (options.Value.Point == point && Interlocked.Increment(ref _passes) == options.Value.Occurrence)
        {
            Environment.FailFast($"crash injected at {point}, occurrence {options.Value.Occurrence}");
        }
    }
}
