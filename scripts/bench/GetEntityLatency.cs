#:package Azure.Data.Tables
// The floor under GET /api/accounts/{id}: the same load shape as the hey run (10 workers, 50 req/s
// each, 30 s) as bare TableClient.GetEntity calls on the account's row, so the two latency lists
// show what the app adds (auth, claims from the users table, access check, JSON).
// Usage: dotnet run scripts/bench/GetEntityLatency.cs -- <connection string> <table> <account id> [seconds]
using System.Diagnostics;
using Azure.Data.Tables;

var (connection, table, accountId) = (args[0], args[1], args[2]);
var seconds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 30;
var client = new TableClient(connection, table);
await client.GetEntityAsync<TableEntity>(accountId, "account"); // warm-up: connection and TLS-free handshake

var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
var until = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
var workers = Enumerable.Range(0, 10).Select(async _ =>
{
    var interval = TimeSpan.FromMilliseconds(20); // 50 req/s per worker
    while (Stopwatch.GetTimestamp() < until)
    {
        var start = Stopwatch.GetTimestamp();
        await client.GetEntityAsync<TableEntity>(accountId, "account");
        var elapsed = Stopwatch.GetElapsedTime(start);
        latencies.Add(elapsed.TotalMilliseconds);
        if (elapsed < interval)
        {
            await Task.Delay(interval - elapsed);
        }
    }
});
await Task.WhenAll(workers);

var sorted = latencies.Order().ToArray();
double P(double q) => sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];
Console.WriteLine($"requests {sorted.Length} in {seconds}s = {sorted.Length / (double)seconds:F0}/s; latency ms: p50 {P(0.50):F2}  p90 {P(0.90):F2}  p99 {P(0.99):F2}  max {sorted[^1]:F2}");
