using KamFlows.App.Features.Operations;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Processes.EngineCheck;

namespace KamFlows.App.Tests.Engine;

/// <summary>
/// Three app processes on the same storage, all sweeping and consuming the same queue, events sent
/// round-robin over HTTP; one is killed midway, and its events in flight are sent again to another.
/// </summary>
public sealed class ScaleOutTests(Azurite azurite)
{
    private const int Checks = 4;
    private const int Pings = 15;

    [Fact]
    public async Task Three_apps_one_killed_midway_apply_every_transition_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = "s" + Guid.NewGuid().ToString("N")[..12];
        await using var cluster = await AppCluster.StartAsync(AppCluster.HarnessSettings(azurite, prefix), 3, point: null, 1, restartCrashed: false, ct);
        var client = new EngineCheckScenario(cluster, azurite.ConnectionString, prefix + "work", Pings);
        var ids = new List<string>();
        for (var i = 0; i < Checks; i++)
        {
            ids.Add(await client.StartCheckAsync(Guid.NewGuid().ToString("N"), ct));
        }

        var events = Enumerable.Range(1, Pings).SelectMany(n => ids.Select(id => (Id: id, N: n))).ToList();
        var sent = 0;
        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = ct }, async (e, token) =>
        {
            if (Interlocked.Increment(ref sent) == events.Count / 2)
            {
                await cluster.KillAsync(1, token);
            }

            await client.SendAsync(e.Id, $"ping-{e.N}", new { type = "ping", n = e.N }, token);
        });
        foreach (var id in ids)
        {
            await client.SendAsync(id, "nap", new { type = "nap", @for = TimeSpan.FromMilliseconds(300) }, ct);
        }

        Assert.Equal(1, cluster.Deaths);
        Assert.Equal(2, cluster.Live.Count());
        foreach (var id in ids)
        {
            var report = await client.UntilAsync(id, r => r.PendingEffects.Count == 0 && r.PendingWakeUps.Count == 0 && r.WakeUps == 1, ct);
            Assert.Equal(Enumerable.Range(1, Pings), report.Pings.Order());
            var history = await client.HistoryAsync(id, ct);
            Assert.Equal(Pings, history.Count(h => h.Kind == "input" && h.What == "Ping"));
            Assert.Single(history, h => h.Kind == "input" && h.What == "WokeUp:nap");
            var decided = history.Where(h => h.Kind == "effect-decided" && h.What == EngineCheckPong.KindName).Select(h => h.Detail!).ToList();
            Assert.Equal(Pings + 1, decided.Count);
            Assert.All(decided, effect => Assert.InRange(report.Performances.GetValueOrDefault(effect), 1, 1 + cluster.Deaths));
            Assert.Empty(report.Performances.Keys.Except(decided));
        }
    }
}
