using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using KamFlows.App.Engine;
using KamFlows.App.Features.Operations;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Work;
using KamFlows.Domain.Processes.EngineCheck;

namespace KamFlows.App.Tests.Engine;

/// <summary>
/// What the crash harness does to one engine check, over HTTP, passing every save point: start it,
/// send pings, a short nap (its delayed queue message and due row), a long nap (a hop of the long wait
/// arrives, then the clock moves past it and the sweep fires it), a child; then wait until nothing is
/// pending and check the invariants: no lost or duplicated transition, each effect performed at least
/// once and at most once more per death.
/// </summary>
internal sealed class EngineCheckScenario(AppCluster cluster, string queueConnection, string workQueue, int pings)
{
    public const string ChildKey = "c1";

    public string Id { get; private set; } = "";

    /// <summary>The cluster's deaths before this scenario began (a long run reuses one cluster for many).</summary>
    private int _deathsBefore;

    /// <summary>The apps that died while this scenario ran.</summary>
    public int Deaths => cluster.Deaths - _deathsBefore;

    public string ChildId => InstanceIds.For(EngineCheckDefinition.DefinitionName, EngineCheckDefinition.ChildBusinessKey(Id, ChildKey));

    public async Task RunAsync(string key, SavePoint? expected, CancellationToken ct)
    {
        _deathsBefore = cluster.Deaths;
        Id = await StartCheckAsync(key, ct);

        for (var n = 1; n <= pings; n++)
        {
            await SendAsync($"ping-{n}", new { type = "ping", n }, ct);
        }

        await SendAsync("nap-short", new { type = "nap", @for = TimeSpan.FromMilliseconds(500) }, ct);
        await UntilAsync(Id, r => r.WakeUps == 1, ct);

        await SendAsync("nap-long", new { type = "nap", @for = TimeSpan.FromDays(7) }, ct);
        var wakeAt = (await UntilAsync(Id, r => r.PendingWakeUps.Count == 1, ct)).PendingWakeUps[0].DueAt;
        await HopArrivesAsync(wakeAt, expected == SavePoint.MidHop, ct);
        await cluster.CallAsync(async c => { await cluster.AdvanceAsync(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1), ct); return 0; }, ct);
        await UntilAsync(Id, r => r.WakeUps == 2, ct);

        await SendAsync("spawn-1", new { type = "spawn", childKey = ChildKey }, ct);
    }

    /// <summary>Waits until nothing is pending (effects, wake-ups) on the check and its child, then checks the invariants.</summary>
    public async Task AssertInvariantsAsync(CancellationToken ct)
    {
        var report = await UntilAsync(Id, r => r.PendingEffects.Count == 0 && r.PendingWakeUps.Count == 0 && r.Children.Count == 1, ct);
        var child = await UntilAsync(ChildId, r => r.PendingEffects.Count == 0 && r.Step == "running", ct);

        // No lost or duplicated transition: each ping, wake-up and child counted exactly once.
        Assert.Equal(Enumerable.Range(1, pings), report.Pings.Order());
        Assert.Equal(2, report.WakeUps);
        Assert.Equal([ChildKey], report.Children);

        // One history input row per event id (the history names the input's type, so counted by type).
        var history = await HistoryAsync(Id, ct);
        var inputs = history.Where(h => h.Kind is "input" or "started").GroupBy(h => h.What).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int> { ["Begin"] = 1, ["Ping"] = pings, ["Nap"] = 2, ["WokeUp:nap"] = 2, ["Spawn"] = 1 }.OrderBy(p => p.Key),
            inputs.OrderBy(p => p.Key));
        Assert.Single(await HistoryAsync(ChildId, ct), h => h.Kind == "started");
        Assert.Empty(child.Pings);

        // Each decided pong performed at least once, at most once more per death; nothing else performed.
        var decided = history.Where(h => h.Kind == "effect-decided" && h.What == EngineCheckPong.KindName).Select(h => h.Detail!).ToList();
        Assert.Equal(pings + 2, decided.Count);
        Assert.All(decided, id => Assert.InRange(report.Performances.GetValueOrDefault(id), 1, 1 + Deaths));
        Assert.Empty(report.Performances.Keys.Except(decided));
    }

    public Task<string> StartCheckAsync(string key, CancellationToken ct) =>
        cluster.CallAsync(async c =>
        {
            var response = await c.PostAsJsonAsync("/api/admin/engine-checks", new { key }, ct);
            return (await ReadAsync<EngineChecksApi.EngineCheckStarted>(response, ct)).Id;
        }, ct);

    private Task SendAsync(string eventId, object command, CancellationToken ct) => SendAsync(Id, eventId, command, ct);

    public async Task SendAsync(string id, string eventId, object command, CancellationToken ct) =>
        await cluster.CallAsync(async c =>
        {
            var response = await c.PostAsJsonAsync($"/api/processes/{id}/events", new { eventId, command }, ct);
            var outcome = (await ReadAsync<Features.Processes.ProcessesApi.EventAnswer>(response, ct)).Outcome;
            // A resend of the event in flight when an app died is a recognised duplicate if it had been committed.
            return outcome is "Applied" or "Duplicate" ? outcome : throw new InvalidOperationException($"{eventId}: {outcome}");
        }, ct);

    /// <summary>
    /// A hop of the long wait arrives: the message the six-day delayed send would deliver (the wake-up
    /// is still a day ahead). Sent here, since nobody waits six days; the app re-arms the next hop.
    /// </summary>
    private async Task HopArrivesAsync(DateTimeOffset wakeAt, bool crashExpected, CancellationToken ct)
    {
        var queue = new QueueClient(queueConnection, workQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var sent = (await queue.SendMessageAsync(new WorkItem(ProcessEngine.WorkKind, Id, wakeAt).ToJson(), ct)).Value;
        // Received once it is no longer visible; then it is handled within milliseconds.
        await Eventually.ReturnsAsync(
            async () => (await queue.PeekMessagesAsync(32, ct)).Value.Any(m => m.MessageId == sent.MessageId),
            visible => !visible, TimeSpan.FromSeconds(30));
        if (crashExpected)
        {
            // The app dies handling the hop: wait for that (no call would notice), then recover.
            foreach (var app in cluster.Live.ToList())
            {
                await app.ExitsWithinAsync(TimeSpan.FromSeconds(10));
            }

            await cluster.RecoverAsync(ct);
        }
    }

    public async Task<EngineChecksApi.EngineCheckReport> UntilAsync(string id, Func<EngineChecksApi.EngineCheckReport, bool> done, CancellationToken ct) =>
        (await Eventually.ReturnsAsync(
            () => cluster.CallAsync(async c =>
            {
                var response = await c.GetAsync($"/api/admin/engine-checks/{id}", ct);
                return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<EngineChecksApi.EngineCheckReport>(response, ct);
            }, ct),
            r => r is not null && done(r),
            TimeSpan.FromSeconds(60)))!;

    public Task<List<HistoryEntry>> HistoryAsync(string id, CancellationToken ct) =>
        cluster.CallAsync(async c => await ReadAsync<List<HistoryEntry>>(await c.GetAsync($"/api/processes/{id}/history", ct), ct), ct);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {body}"));
        }

        return (await response.Content.ReadFromJsonAsync<T>(KamFlowsApp.Json, ct))!;
    }
}
