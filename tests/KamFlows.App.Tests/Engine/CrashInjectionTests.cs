using KamFlows.App.Engine;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Engine;

/// <summary>
/// Crash injection: the real app, as a separate process, kills itself (Environment.FailFast) at a
/// chosen save point and occurrence; the harness starts it again, re-sends the event in flight with
/// its event id, lets the sweep finish the work and checks the invariants (see <see cref="EngineCheckScenario"/>).
/// Azurite is never killed (it persists lazily), only the app.
/// </summary>
// One injection per save point runs in the default suite (about a minute); the long run of random
// injections is opt-in (Category=LongRun, scripts/crash-run.sh).
public sealed class CrashInjectionTests(Azurite azurite)
{
    private const int Pings = 3;

    /// <summary>Every member of the enumeration, so a new save point is covered without touching this test.</summary>
    public static TheoryData<SavePoint> SavePoints => [.. Enum.GetValues<SavePoint>()];

    [Theory]
    [MemberData(nameof(SavePoints))]
    public async Task A_crash_at_a_save_point_loses_and_duplicates_no_transition_and_repeats_an_effect_at_most_once(SavePoint point)
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = "c" + Guid.NewGuid().ToString("N")[..12];
        await using var cluster = await AppCluster.StartAsync(AppCluster.HarnessSettings(azurite, prefix), 1, point, 1, restartCrashed: true, ct);
        var scenario = new EngineCheckScenario(cluster, azurite.ConnectionString, prefix + "work", Pings);

        await scenario.RunAsync(Guid.NewGuid().ToString("N"), point, ct);
        await scenario.AssertInvariantsAsync(ct);

        Assert.Equal(1, cluster.Deaths);
        Assert.Contains($"crash injected at {point}, occurrence 1", string.Join(Environment.NewLine, cluster.DeathNotes), StringComparison.Ordinal);
    }

    /// <summary>How many times one scenario passes each save point, about (occurrences are drawn up to this).</summary>
    private static readonly IReadOnlyDictionary<SavePoint, int> Passes = new Dictionary<SavePoint, int>
    {
        [SavePoint.BeforeCommit] = 10,
        [SavePoint.AfterCommitBeforeEffects] = 10,
        [SavePoint.AfterEffectBeforeMark] = 12,
        [SavePoint.AfterMarkBeforeDueRowMoved] = 9,
        [SavePoint.SweepClaimedBeforeSend] = 2,
        [SavePoint.MidHop] = 1,
        [SavePoint.AfterChildStart] = 1,
    };

    /// <summary>
    /// Opt-in (scripts/crash-run.sh N): N injections at save points and occurrences drawn at random,
    /// each checked like the default sweep. Writes "fired missed" to KAMFLOWS_CRASH_RESULT.
    /// </summary>
    [Fact]
    [Trait("Category", "LongRun")]
    public async Task Many_crashes_at_random_save_points_and_occurrences_keep_every_invariant()
    {
        var ct = TestContext.Current.CancellationToken;
        var injections = int.TryParse(Environment.GetEnvironmentVariable("KAMFLOWS_CRASH_INJECTIONS"), out var n) ? n : 20;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("KAMFLOWS_CRASH_SEED"), out var s) ? s : Environment.TickCount;
        var random = new Random(seed);
        var prefix = "l" + Guid.NewGuid().ToString("N")[..12];
        var points = Enum.GetValues<SavePoint>();
        var fired = new Dictionary<SavePoint, int>();
        var missed = 0;
        var slowest = TimeSpan.Zero;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < injections; i++)
        {
            var one = System.Diagnostics.Stopwatch.StartNew();
            var point = points[random.Next(points.Length)];
            var occurrence = random.Next(1, Passes.GetValueOrDefault(point, 10) + 1);
            await using var cluster = await AppCluster.StartAsync(AppCluster.HarnessSettings(azurite, prefix), 1, point, occurrence, restartCrashed: true, ct);
            var scenario = new EngineCheckScenario(cluster, azurite.ConnectionString, prefix + "work", Pings);
            try
            {
                await scenario.RunAsync(Guid.NewGuid().ToString("N"), occurrence == 1 ? point : null, ct);
                await scenario.AssertInvariantsAsync(ct);
            }
            catch (Exception e)
            {
                var logs = string.Join(Environment.NewLine, cluster.Live.Select(a => a.Output));
                throw new InvalidOperationException(
                    $"Injection {i + 1} (seed {seed}) at {point}, occurrence {occurrence}, instance {scenario.Id}: {e.Message}{Environment.NewLine}The app's last lines:{Environment.NewLine}{logs}", e);
            }

            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
            Assert.InRange(cluster.Deaths, 0, 1);
            if (cluster.Deaths == 1)
            {
                fired[point] = fired.GetValueOrDefault(point) + 1;
            }
            else
            {
                missed++;
            }
        }

        var summary = $"{fired.Values.Sum()} {missed} seed={seed} mean={watch.Elapsed.TotalSeconds / injections:F1}s slowest={slowest.TotalSeconds:F1}s " + string.Join(",", fired.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"));
        TestContext.Current.SendDiagnosticMessage(summary);
        if (Environment.GetEnvironmentVariable("KAMFLOWS_CRASH_RESULT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, summary, ct);
        }

        Assert.True(fired.Values.Sum() > 0, "no crash was injected");
    }
}
