using System.Net;
using System.Net.Http.Json;
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

    /// <summary>
    /// Save points this scenario never passes, each injected by its feature's own crash test: the
    /// quarterly review fan-out's (<c>Reviews/ReviewFanOutCrashTests</c>) and the imports' (<c>ErpImports/ImportCrashTests</c>).
    /// </summary>
    private static bool Elsewhere(SavePoint point) => point == SavePoint.FanOutBatchSent || point.ToString().StartsWith("Import", StringComparison.Ordinal);

    /// <summary>Every member of the enumeration but those tested elsewhere, so a new engine save point is covered without touching this test.</summary>
    public static TheoryData<SavePoint> SavePoints => [.. Enum.GetValues<SavePoint>().Where(p => !Elsewhere(p))];

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

    [Fact]
    public async Task A_running_app_armed_over_http_crashes_at_the_chosen_pass_and_refuses_a_pass_before_the_first_or_no_point()
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = "a" + Guid.NewGuid().ToString("N")[..12];
        await using var cluster = await AppCluster.StartAsync(AppCluster.HarnessSettings(azurite, prefix), 1, null, 1, restartCrashed: true, ct);
        var refused = await cluster.Live.Single().Client.PostAsJsonAsync("/dev/crash-injection", new { point = "BeforeCommit", occurrence = 0 }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var unnamed = await cluster.Live.Single().Client.PostAsJsonAsync("/dev/crash-injection", new { occurrence = 1 }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("point", await unnamed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        await cluster.ArmAsync(SavePoint.AfterEffectBeforeMark, 2, ct);
        var scenario = new EngineCheckScenario(cluster, azurite.ConnectionString, prefix + "work", Pings);
        await scenario.RunAsync(Guid.NewGuid().ToString("N"), null, ct);
        await scenario.AssertInvariantsAsync(ct);

        Assert.Equal(1, scenario.Deaths);
        Assert.Contains("crash injected at AfterEffectBeforeMark, occurrence 2", string.Join(Environment.NewLine, cluster.DeathNotes), StringComparison.Ordinal);
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
    /// Opt-in (scripts/crash-run.sh N [seed] [lanes]): N injections at save points and occurrences drawn at
    /// random, each checked like the default sweep. The injections are shared by a few lanes running side
    /// by side, each one app on storage of its own (so each has its own Development clock), started once
    /// and re-armed before each scenario; at the end every scenario of a lane is checked again, against
    /// all the deaths since it began. Writes "fired missed …" to KAMFLOWS_CRASH_RESULT.
    /// </summary>
    [Fact]
    [Trait("Category", "LongRun")]
    public async Task Many_crashes_at_random_save_points_and_occurrences_keep_every_invariant()
    {
        var ct = TestContext.Current.CancellationToken;
        var injections = int.TryParse(Environment.GetEnvironmentVariable("KAMFLOWS_CRASH_INJECTIONS"), out var n) ? n : 20;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("KAMFLOWS_CRASH_SEED"), out var s) ? s : Environment.TickCount;
        var lanes = int.TryParse(Environment.GetEnvironmentVariable("KAMFLOWS_CRASH_LANES"), out var l) ? Math.Clamp(l, 1, 8) : 2;
        var tally = new CrashTally();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, lanes).Select(lane =>
            RunLaneAsync(lane, injections / lanes + (lane < injections % lanes ? 1 : 0), seed, tally, ct)));

        var summary = tally.Summary(seed, lanes, watch.Elapsed, injections);
        TestContext.Current.SendDiagnosticMessage(summary);
        if (Environment.GetEnvironmentVariable("KAMFLOWS_CRASH_RESULT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, summary, ct);
        }

        Assert.True(tally.Fired > 0, "no crash was injected");
    }

    private async Task RunLaneAsync(int lane, int injections, int seed, CrashTally tally, CancellationToken ct)
    {
        var random = new Random(HashCode.Combine(seed, lane));
        var prefix = "l" + Guid.NewGuid().ToString("N")[..12];
        var points = Enum.GetValues<SavePoint>().Where(p => !Elsewhere(p)).ToArray();
        var scenarios = new List<EngineCheckScenario>();
        await using var cluster = await AppCluster.StartAsync(AppCluster.HarnessSettings(azurite, prefix), 1, null, 1, restartCrashed: true, ct);
        for (var i = 0; i < injections; i++)
        {
            var one = System.Diagnostics.Stopwatch.StartNew();
            var point = points[random.Next(points.Length)];
            var occurrence = random.Next(1, Passes.GetValueOrDefault(point, 10) + 1);
            var scenario = new EngineCheckScenario(cluster, azurite.ConnectionString, prefix + "work", Pings);
            scenarios.Add(scenario);
            try
            {
                await cluster.ArmAsync(point, occurrence, ct);
                await scenario.RunAsync(Guid.NewGuid().ToString("N"), occurrence == 1 ? point : null, ct);
                await scenario.AssertInvariantsAsync(ct);
                var checkedAfter = scenario.Deaths;
                await cluster.ArmAsync(null, 1, ct);
                if (scenario.Deaths != checkedAfter)
                {
                    // The armed crash came between the check and the disarming: check again after it.
                    await scenario.AssertInvariantsAsync(ct);
                }
            }
            catch (Exception e)
            {
                throw Failure(e, $"Lane {lane}, injection {i + 1} (seed {seed}) at {point}, occurrence {occurrence}, instance {scenario.Id}", cluster);
            }

            Assert.InRange(scenario.Deaths, 0, 1);
            tally.Add(scenario.Deaths == 1 ? point : null, one.Elapsed);
        }

        // Later crashes could have touched an earlier instance (a sweep pass is not one instance's): check them all again.
        foreach (var scenario in scenarios)
        {
            try
            {
                await scenario.AssertInvariantsAsync(ct);
            }
            catch (Exception e)
            {
                throw Failure(e, $"Lane {lane}, the final check of instance {scenario.Id} (seed {seed})", cluster);
            }
        }
    }

    private static InvalidOperationException Failure(Exception e, string where, AppCluster cluster)
    {
        var logs = string.Join(Environment.NewLine, cluster.Live.Select(a => a.Output));
        return new InvalidOperationException($"{where}: {e.Message}{Environment.NewLine}The app's last lines:{Environment.NewLine}{logs}", e);
    }

    /// <summary>What the lanes of a long run injected, added up as they go.</summary>
    private sealed class CrashTally
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<SavePoint, int> _fired = [];
        private int _missed;
        private TimeSpan _slowest;

        public int Fired
        {
            get
            {
                lock (_gate)
                {
                    return _fired.Values.Sum();
                }
            }
        }

        public void Add(SavePoint? fired, TimeSpan took)
        {
            lock (_gate)
            {
                if (fired is { } point)
                {
                    _fired[point] = _fired.GetValueOrDefault(point) + 1;
                }
                else
                {
                    _missed++;
                }

                _slowest = took > _slowest ? took : _slowest;
            }
        }

        public string Summary(int seed, int lanes, TimeSpan elapsed, int injections)
        {
            lock (_gate)
            {
                return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{_fired.Values.Sum()} {_missed} seed={seed} lanes={lanes} mean={elapsed.TotalSeconds / injections:F2}s slowest={_slowest.TotalSeconds:F1}s ")
                    + string.Join(",", _fired.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"));
            }
        }
    }
}
