using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.ErpImports;

/// <summary>
/// Opt-in import benchmark (scripts/bench-imports.sh): 100,000 sales lines (200 customers, six months)
/// imported from a CSV and from an .xlsx by the app (in process, on the run's Azurite), beside a bare
/// batch insert of the same rows (the same partitions, 100-row transactions, 8 at once, as the import
/// sends them) into the same Azurite, in the same run: rows per second and the process's peak working
/// set (sampled every 50 ms). Goals: ≥ 70 % of the bare rate, peak working set under 300 MB. Results go
/// to KAMFLOWS_BENCH_OUT (default .artifacts/bench-imports.md).
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ImportBenchmarks(Azurite azurite)
{
    private const int Rows = ImportVolumeTests.Rows;
    private const int Customers = ImportVolumeTests.Customers;

    [Fact]
    public async Task Importing_100000_sales_lines_from_csv_and_xlsx_against_a_bare_batch_insert()
    {
        var ct = TestContext.Current.CancellationToken;
        var report = new StringBuilder();
        void Line(string text)
        {
            report.AppendLine(text);
            TestContext.Current.SendDiagnosticMessage(text);
        }

        await using var app = new KamFlowsApp(azurite) { Settings = new Dictionary<string, string?> { ["Portfolio:ExchangeRates:BRL"] = "0.2" } };
        var imports = new ImportWorld(app);
        var source = await imports.SourceAsync(defaultBusinessUnit: "PHARMA");
        Line($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; {Rows:N0} sales lines, {Customers} customers, 6 months");

        var bare1 = await BareInsertAsync("bare1", ct);
        Line($"bare batch insert: {bare1.TotalSeconds:F1} s, {Rows / bare1.TotalSeconds:N0} rows/s");

        var csv = await ImportAsync(imports, source, new SalesFileContent("CSV", Rows, Customers), "vendas.csv", ct);
        Line($"csv: upload {csv.Upload.TotalSeconds:F1} s; import {csv.Run.TotalSeconds:F1} s, {Rows / csv.Run.TotalSeconds:N0} rows/s ({Rows / csv.Run.TotalSeconds / (Rows / bare1.TotalSeconds):P0} of bare); peak working set {csv.PeakMb:N0} MB (before: {csv.BeforeMb:N0} MB)");

        var xlsxFile = Path.GetTempFileName();
        await using (var file = File.Create(xlsxFile))
        {
            XlsxFile.Write(file, SalesSheet("XLS"));
        }

        var xlsx = await ImportAsync(imports, source, new StreamContent(File.OpenRead(xlsxFile)), "vendas.xlsx", ct);
        File.Delete(xlsxFile);
        var bare2 = await BareInsertAsync("bare2", ct);
        Line($"bare batch insert again: {bare2.TotalSeconds:F1} s, {Rows / bare2.TotalSeconds:N0} rows/s; load average {LoadAverage()}");
        var bare = (Rows / bare1.TotalSeconds + Rows / bare2.TotalSeconds) / 2;
        Line($"xlsx: upload {xlsx.Upload.TotalSeconds:F1} s; import {xlsx.Run.TotalSeconds:F1} s, {Rows / xlsx.Run.TotalSeconds:N0} rows/s ({Rows / xlsx.Run.TotalSeconds / bare:P0} of the mean bare rate); peak working set {xlsx.PeakMb:N0} MB");

        var output = Environment.GetEnvironmentVariable("KAMFLOWS_BENCH_OUT") ?? Path.Combine(RepositoryRoot.Find(), ".artifacts", "bench-imports.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, report.ToString(), ct);
        Assert.Equal(ImportStatus.Applied, csv.Status);
        Assert.Equal(ImportStatus.Applied, xlsx.Status);
    }

    private static IEnumerable<object?[]> SalesSheet(string prefix)
    {
        yield return ["Data", "Cliente", "Linha", "Qtd", "Valor", "Moeda", "NF", "Item"];
        foreach (var line in SalesFileContent.Lines(prefix, Rows, Customers))
        {
            var cells = line.Text.Split(';');
            yield return [DateOnly.ParseExact(cells[0], "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), cells[1], cells[2], int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture), line.Value, cells[5], cells[6], cells[7]];
        }
    }

    private static async Task<(TimeSpan Upload, TimeSpan Run, double PeakMb, double BeforeMb, ImportStatus Status)> ImportAsync(
        ImportWorld imports, string source, HttpContent content, string name, CancellationToken ct)
    {
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        using var sampler = new PeakSampler();
        var watch = Stopwatch.StartNew();
        var upload = await imports.UploadAsync(source, content, name);
        var uploaded = watch.Elapsed;
        watch.Restart();
        var done = await imports.RunAsync(upload.Id);
        var run = watch.Elapsed;
        Assert.Equal((Rows, 0), (done.RowsApplied, done.RowsRejected));
        return (uploaded, run, sampler.PeakBytes / 1e6, before / 1e6, done.Status);
    }

    /// <summary>The same rows as the import stages them (partition = customer, row = quarter|key|import), 100 a transaction, 8 transactions at once.</summary>
    private async Task<TimeSpan> BareInsertAsync(string name, CancellationToken ct)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("b" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateIfNotExistsAsync(ct);
        var watch = Stopwatch.StartNew();
        foreach (var window in SalesFileContent.Lines(name, Rows, Customers).Chunk(5000))
        {
            var batches = window.Select(l => new TableEntity(SalesFileContent.Customer(name, l.Customer), $"2026-Q{(l.Month + 2) / 3}|{l.Row:D32}|{name}")
            {
                ["Date"] = "2026-01-01",
                ["ProductLine"] = "Linha",
                ["Quantity"] = "1",
                ["NetValue"] = l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Currency"] = "BRL",
                ["BusinessUnit"] = "PHARMA",
            }).GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (batch, token) =>
                await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), token));
        }

        var elapsed = watch.Elapsed;
        await table.DeleteAsync(ct);
        return elapsed;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The process's largest working set while it lives, sampled every 50 ms.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public PeakSampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

        public long PeakBytes
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            var now = process.WorkingSet64;
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
