using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using KamFlows.App.Engine;
using KamFlows.App.Features.Operations;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Work;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Processes.EngineCheck;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Engine;

/// <summary>
/// Opt-in engine benchmarks (scripts/bench-engine.sh): the raw rate of the storage calls a transition
/// needs against the run's in-memory Azurite; events per second through the real app (a separate
/// process, the configuration the tests were built in: Release in the script) for 1,000 engine checks ×
/// 10 pings, over HTTP and carried by the queue; the time to start 10,000 instances; and the storage
/// calls per event on each path. Results go to KAMFLOWS_BENCH_OUT (default .artifacts/bench-engine.md).
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class EngineBenchmarks(Azurite azurite)
{
    private static readonly int Instances = int.TryParse(Environment.GetEnvironmentVariable("KAMFLOWS_BENCH_INSTANCES"), out var n) ? n : 1_000;
    private const int PingsEach = 10;
    private const int Concurrency = 32;

    private static int Starts => int.TryParse(Environment.GetEnvironmentVariable("KAMFLOWS_BENCH_STARTS"), out var n) ? n : 10_000;

    [Fact]
    public async Task Engine_throughput_and_the_storage_floor_under_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = Output();
        void Line(string text)
        {
            File.AppendAllText(output, text + Environment.NewLine);
            TestContext.Current.SendDiagnosticMessage(text);
        }

        Line($"machine: {Environment.ProcessorCount} cores; app: {AppProcess.AppDll()}");
        await RawStorageAsync(Line, ct);

        var prefix = "b" + Guid.NewGuid().ToString("N")[..12];
        var settings = AppProcess.Settings(azurite.ConnectionString, prefix);
        var keys = Enumerable.Range(0, 2 * Instances).Select(i => $"bench-{i}").ToList();
        List<string> ids;
        await using (var app = await AppProcess.StartAsync(settings, ct))
        {
            using var http = Client(app);
            ids = [.. await StartAllAsync(http, keys, ct)];

            // HTTP path: ping n of every instance before ping n+1 of any, so concurrent events rarely meet on one instance.
            var events = Enumerable.Range(1, PingsEach).SelectMany(n => ids.Take(Instances).Select(id => (Id: id, N: n))).ToList();
            var watch = Stopwatch.StartNew();
            await ParallelAsync(events.Count, Concurrency, async i =>
            {
                var (id, n) = events[i];
                var response = await http.PostAsJsonAsync($"/api/processes/{id}/events", new { eventId = $"ping-{n}", command = new { type = "ping", n } }, ct);
                response.EnsureSuccessStatusCode();
                return 0;
            });
            Line($"engine http: {events.Count / watch.Elapsed.TotalSeconds:F0} events/s ({events.Count} events, {Instances} instances × {PingsEach}, {Concurrency} concurrent, {watch.Elapsed.TotalSeconds:F1} s)");
        }

        // Queue path: the work items are queued while no app runs, then one app drains them through its local queue loop.
        var queue = new QueueClient(azurite.ConnectionString, prefix + "work", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var queued = Enumerable.Range(1, PingsEach).SelectMany(n => ids.Skip(Instances).Take(Instances).Select(id => EngineCheckPingWork.For(id, n))).ToList();
        await ParallelAsync(queued.Count, Concurrency, async i => (await queue.SendMessageAsync(queued[i].ToJson(), cancellationToken: ct)).Value.MessageId);
        await using (var app = await AppProcess.StartAsync(settings, ct))
        {
            var watch = Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("KAMFLOWS_BENCH_QUEUE_SECONDS"), out var q) ? q : 900);
            var left = queued.Count;
            while (left > 0 && watch.Elapsed < limit)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
                left = (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
            }

            var drained = queued.Count - left;
            Line($"engine queue: {drained / watch.Elapsed.TotalSeconds:F0} events/s ({drained} of {queued.Count} work items drained in {watch.Elapsed.TotalSeconds:F1} s from the app healthy, {Instances} instances × {PingsEach}, one local queue loop, batches of 16)");

            // Every ping of both paths applied exactly once (the queue's only if it was drained), and every pong performed.
            using var http = Client(app);
            var checkedCount = left == 0 ? 2 * Instances : Instances;
            var wrong = await ParallelAsync(checkedCount, Concurrency, async i =>
            {
                var r = (await http.GetFromJsonAsync<EngineChecksApi.EngineCheckReport>($"/api/admin/engine-checks/{ids[i]}", KamFlowsApp.Json, ct))!;
                return r.Pings.Order().SequenceEqual(Enumerable.Range(1, PingsEach)) && r.Performances.Count == PingsEach && r.PendingEffects.Count == 0 ? 0 : 1;
            });
            Line($"checked {checkedCount} instances: {wrong.Sum()} with a ping lost, repeated or an effect pending");
            Assert.Equal(0, wrong.Sum());

            // Starting many instances, last, on tables that already hold the two runs above.
            var more = Enumerable.Range(0, Starts).Select(i => $"start-{i}").ToList();
            await StartAllAsync(http, more, ct);
        }

        async Task<string[]> StartAllAsync(HttpClient http, List<string> keys, CancellationToken ct)
        {
            var limit = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("KAMFLOWS_BENCH_START_SECONDS"), out var l) ? l : 900);
            var watch = Stopwatch.StartNew();
            var started = await ParallelAsync(keys.Count, Concurrency, async i =>
            {
                if (watch.Elapsed > limit)
                {
                    return "";
                }

                var response = await http.PostAsJsonAsync("/api/admin/engine-checks", new { key = keys[i] }, ct);
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<EngineChecksApi.EngineCheckStarted>(KamFlowsApp.Json, ct))!.Id;
            });
            var done = started.Count(s => s.Length > 0);
            Line($"engine start {keys.Count}: {(done == keys.Count ? "" : $"stopped after {done} at the time limit; ")}{watch.Elapsed.TotalSeconds:F1} s ({done / watch.Elapsed.TotalSeconds:F0} starts/s, {Concurrency} concurrent over HTTP)");
            return started;
        }
    }

    private static string Output()
    {
        var output = Environment.GetEnvironmentVariable("KAMFLOWS_BENCH_OUT") is { Length: > 0 } given ? given
            : Path.Combine(RepositoryRoot.Find(), ".artifacts", "bench-engine.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        return output;
    }

    /// <summary>The storage calls one event costs on each path, counted in this process (the app in a WebApplicationFactory).</summary>
    [Fact]
    public async Task Storage_calls_per_event()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new EngineApp(azurite);
        var http = app.AdminClient();
        var engine = app.Engine;
        const int n = 50;
        var ids = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var started = await engine.StartAsync(new StartRequest(EngineCheckDefinition.DefinitionName, $"calls-{i}", new EngineCheckCommand.Begin(),
                EngineApp.NoParties, new Dictionary<string, PartyCalendar>()), Sender.System, ct);
            ids.Add(started.InstanceId);
        }

        await http.GetAsync("/api/health", ct); // warm
        using var counter = new StorageCallCounter(app.Prefix);
        var report = new StringBuilder();

        counter.Reset();
        foreach (var id in ids)
        {
            (await http.PostAsJsonAsync($"/api/processes/{id}/events", new { eventId = "ping-1", command = new { type = "ping", n = 1 } }, ct)).EnsureSuccessStatusCode();
        }

        report.AppendLine($"storage calls per event, HTTP path: {(double)counter.Total / n:F2}: " + Breakdown(counter, n));

        var queue = app.Storage.Queue(app.WorkQueueName);
        foreach (var id in ids)
        {
            await queue.SendMessageAsync(EngineCheckPingWork.For(id, 2).ToJson(), ct);
        }

        counter.Reset();
        Assert.Equal(n, await app.DeliverWorkAsync());
        report.AppendLine($"storage calls per event, queue path (receive in batches of 32, then handle and delete): {(double)counter.Total / n:F2}: " + Breakdown(counter, n));

        counter.Reset();
        for (var i = 0; i < n; i++)
        {
            (await http.PostAsJsonAsync("/api/admin/engine-checks", new { key = $"calls-start-{i}" }, ct)).EnsureSuccessStatusCode();
        }

        report.AppendLine($"storage calls per start, HTTP: {(double)counter.Total / n:F2}: " + Breakdown(counter, n));
        TestContext.Current.SendDiagnosticMessage(report.ToString());
        await File.AppendAllTextAsync(Output(), report.ToString(), ct);
        Assert.True(counter.Total > 0);
    }

    private static string Breakdown(StorageCallCounter counter, int n) =>
        string.Join(", ", counter.Snapshot().Select(c => $"{c.Key} {(double)c.Value / n:F2}"));

    /// <summary>(a) The floor: the storage calls a transition makes, bare, against the same Azurite, {Concurrency} at a time.</summary>
    private async Task RawStorageAsync(Action<string> line, CancellationToken ct)
    {
        var prefix = "r" + Guid.NewGuid().ToString("N")[..12];
        var tables = new TableServiceClient(azurite.ConnectionString);
        var table = tables.GetTableClient(prefix + "raw");
        await table.CreateIfNotExistsAsync(ct);
        var queue = new QueueClient(azurite.ConnectionString, prefix + "raw", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        const int ops = 3_000;

        async Task Measure(string what, int count, int concurrency, Func<int, Task> op)
        {
            var watch = Stopwatch.StartNew();
            await ParallelAsync(count, concurrency, async i => { await op(i); return 0; });
            line($"raw {what}: {count / watch.Elapsed.TotalSeconds:F0}/s ({count} × {concurrency} concurrent)");
        }

        var state = new string('x', 600);
        await Measure("single-entity upsert", ops, Concurrency, i => table.UpsertEntityAsync(new TableEntity($"p{i}", "instance") { ["State"] = state }, TableUpdateMode.Replace, ct));
        await Measure("point read", ops, Concurrency, i => table.GetEntityAsync<TableEntity>($"p{i}", "instance", cancellationToken: ct));
        await Measure("transaction (update + 2 rows, a transition's commit)", ops, Concurrency, i => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity($"p{i}", "instance") { ["State"] = state }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{i}", "h|1") { ["Kind"] = "input" }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{i}", "e|1")),
        ], ct));
        await Measure("delete", ops, Concurrency, i => table.DeleteEntityAsync($"p{i}", "h|1", Azure.ETag.All, ct));
        await Measure("queue send", ops, Concurrency, _ => queue.SendMessageAsync("{\"kind\":\"x\",\"id\":\"y\"}", ct));
        var watch = Stopwatch.StartNew();
        var drained = 0;
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1), ct)).Value;
            if (batch.Length == 0)
            {
                break;
            }

            await Task.WhenAll(batch.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct)));
            drained += batch.Length;
        }

        line($"raw queue drain (receive 16, delete each, one loop like the local queue loop): {drained / watch.Elapsed.TotalSeconds:F0} messages/s ({watch.Elapsed.TotalMilliseconds / drained:F1} ms a message)");

        // The calls one HTTP ping makes in the engine, in sequence, Concurrency at a time: the engine's floor here.
        var due = tables.GetTableClient(prefix + "raw");
        await Measure("transition's call sequence (read, due upsert, commit, effect row, mark commit, due delete)", ops, Concurrency, async i =>
        {
            var loaded = await table.GetEntityAsync<TableEntity>($"p{i}", "instance", cancellationToken: ct);
            await due.UpsertEntityAsync(new TableEntity("due", $"p{i}"), TableUpdateMode.Replace, ct);
            var committed = await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity($"p{i}", "instance") { ["State"] = state }, loaded.Value.ETag),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{i}", "h|2") { ["Kind"] = "input" }),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{i}", "e|2")),
            ], ct);
            await table.AddEntityAsync(new TableEntity($"p{i}", "pong|" + Guid.NewGuid().ToString("N")), ct);
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity($"p{i}", "instance") { ["State"] = state }, committed.Value[0].Headers.ETag!.Value),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{i}", "h|3") { ["Kind"] = "effect-done" }),
            ], ct);
            await due.DeleteEntityAsync("due", $"p{i}", Azure.ETag.All, ct);
        });
    }

    private static HttpClient Client(AppProcess app)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = app.Client.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>Runs <paramref name="count"/> operations, at most <paramref name="concurrency"/> at a time; results in order.</summary>
    private static async Task<T[]> ParallelAsync<T>(int count, int concurrency, Func<int, Task<T>> op)
    {
        var results = new T[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                results[i] = await op(i);
            }
        }));
        return results;
    }
}
