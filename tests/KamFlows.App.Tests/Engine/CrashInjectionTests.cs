using KamFlows.App.Engine;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Engine;

/// <summary>
/// Crash injection: the real app, as a separate process, kills itself (Environment.FailFast) at a
/// chosen save point and occurrence; the harness starts it again, re-sends the event in flight with
/// its event id, lets the sweep finish the work and checks the invariants (see <see cref="EngineCheckScenario"/>).
/// Azurite is never killed (it persists lazily), only the app.
/// </summary>
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
}
