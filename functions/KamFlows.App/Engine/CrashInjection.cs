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

    /// <summary>A batch of a quarter's review fan-out is sent; the next one is not.</summary>
    FanOutBatchSent,

    /// <summary>An import stored a checkpoint of its staged rows; the rest of the file is not read.</summary>
    ImportMidStaging,

    /// <summary>An import staged every row; the switch is not made.</summary>
    ImportStagedBeforeSwitch,

    /// <summary>An import's switch is made; what reads its rows (sales history, revenue, follow-ups) is not brought up to date.</summary>
    ImportSwitchedBeforeApply,
}

public sealed class CrashInjectionOptions
{
    public const string Section = "CrashInjection";

    /// <summary>Where to crash; nothing is injected when unset (always, outside the harness).</summary>
    public SavePoint? Point { get; set; }

    /// <summary>Crash the n-th time the point is passed (1 = the first).</summary>
    public int Occurrence { get; set; } = 1;
}

/// <summary>
/// Kills the process (no finally blocks, no flush: like a pulled plug) at the configured save point.
/// In Development the harness may arm it again in a running app (<c>POST /dev/crash-injection</c>), so
/// a long run need not start a fresh app for every injection.
/// </summary>
public sealed class CrashInjection(IOptions<CrashInjectionOptions> options)
{
    private Armed _armed = new(options.Value.Point, options.Value.Occurrence);

    /// <summary>Crash at the <paramref name="occurrence"/>-th pass of <paramref name="point"/> from now on; null disarms.</summary>
    public void Arm(SavePoint? point, int occurrence) => Volatile.Write(ref _armed, new Armed(point, occurrence));

    public void At(SavePoint point)
    {
        var armed = Volatile.Read(ref _armed);
        if (armed.Point == point && Interlocked.Increment(ref armed.Passes) == armed.Occurrence)
        {
            Environment.FailFast($"crash injected at {point}, occurrence {armed.Occurrence}");
        }
    }

    /// <summary>One arming: re-arming replaces it whole, so its pass count starts again at zero.</summary>
    private sealed class Armed(SavePoint? point, int occurrence)
    {
        public int Passes;

        public SavePoint? Point { get; } = point;

        public int Occurrence { get; } = occurrence;
    }
}

internal static class CrashInjectionEndpoints
{
    public sealed record ArmInput(SavePoint? Point, int Occurrence = 1);

    /// <summary>Development only (the crash harness): POST arms the running app, DELETE disarms it.</summary>
    public static IEndpointRouteBuilder MapDevelopmentCrashInjection(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/crash-injection", Arm)
            .AllowAnonymous().WithName("ArmCrashInjection").WithTags("Development")
            .WithSummary("Development only: makes the app kill itself at the n-th pass of a save point (the crash-injection harness).");
        app.MapDelete("/dev/crash-injection", Disarm)
            .AllowAnonymous().WithName("DisarmCrashInjection").WithTags("Development")
            .WithSummary("Development only: the app no longer kills itself at any save point.");
        return app;
    }

    private static Results<NoContent, ValidationProblem> Arm(ArmInput input, CrashInjection crash)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Point is null)
        {
            errors["point"] = [$"Name the save point: one of {string.Join(", ", Enum.GetNames<SavePoint>())} (DELETE disarms)."];
        }

        if (input.Occurrence < 1)
        {
            errors["occurrence"] = ["The occurrence counts passes from 1."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        crash.Arm(input.Point, input.Occurrence);
        return TypedResults.NoContent();
    }

    private static NoContent Disarm(CrashInjection crash)
    {
        crash.Arm(null, 1);
        return TypedResults.NoContent();
    }
}
