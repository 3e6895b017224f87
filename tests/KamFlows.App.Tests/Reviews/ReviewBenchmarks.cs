using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Plans;
using KamFlows.App.Features.Reviews;
using KamFlows.App.Features.Users;
using KamFlows.App.Hosting;
using KamFlows.App.Storage;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Work;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Reviews;

/// <summary>
/// Opt-in (scripts/bench-reviews.sh): the quarter's fan-out from the timer to every review opened
/// (the review instance committed, its task written, its email in the development mailbox) for
/// 10,000 account plans seeded straight into storage, on the app's own local queue loop (16 messages
/// at a time, as the host's batch). Side by side in the same run, on a smaller portfolio: the same
/// fan-out with one plan per message, and the bare drain of as many no-op messages. Results go to
/// KAMFLOWS_BENCH_OUT (default .artifacts/bench-reviews.md).
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ReviewBenchmarks(Azurite azurite)
{
    private const int Kams = 100;
    private static readonly int Plans = Setting("KAMFLOWS_BENCH_PLANS", 10_000);
    private static readonly int Compare = Setting("KAMFLOWS_BENCH_COMPARE", 1_000);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(Setting("KAMFLOWS_BENCH_SECONDS", 900));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fan_out_of_the_quarters_plans_to_every_review_opened()
    {
        var output = Environment.GetEnvironmentVariable("KAMFLOWS_BENCH_OUT") is { Length: > 0 } o ? o : Path.Combine(RepositoryRoot.Find(), ".artifacts", "bench-reviews.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        void Line(string text)
        {
            File.AppendAllText(output, text + Environment.NewLine);
            TestContext.Current.SendDiagnosticMessage(text);
        }

        Line($"machine: {Environment.ProcessorCount} cores, load average {Load()} at the start");
        await RunAsync(Line, Plans, batchSize: 50, "several plans per message (50)");
        await RunAsync(Line, Compare, batchSize: 50, "several plans per message (50)");
        await RunAsync(Line, Compare, batchSize: 1, "one plan per message");
        await BareDrainAsync(Line, Compare);
        Line($"load average {Load()} at the end");
    }

    private async Task RunAsync(Action<string> line, int plans, int batchSize, string what)
    {
        await using var app = App(batchSize);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app, plans);
        var seeded = seeding.Elapsed;

        var watch = Stopwatch.StartNew();
        await app.Services.GetRequiredService<TriggerFunctions>().Timer(QuarterlyReviewTimerFunction.FunctionName)
            .RunAsync(new TimerInvocation(Guid.NewGuid().ToString(), false, null, null), Ct);
        var sent = watch.Elapsed;
        var tables = app.Services.GetRequiredService<StorageClients>();
        var opened = 0;
        while (watch.Elapsed < Limit && (opened = await CountAsync(tables.Table(StorageLayout.ProcessIndexTable), "PartitionKey eq 'def|QuarterlyReview'")) < plans)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        var indexed = watch.Elapsed;
        int tasks = 0, emails = 0;
        while (watch.Elapsed < Limit)
        {
            tasks = await CountAsync(tables.Table(StorageLayout.TasksTable), "Kind eq 'quarterly-review' and RowKey ge 'open|' and RowKey lt 'open}'");
            emails = await CountAsync(tables.Table(StorageLayout.EmailsTable), "PartitionKey eq 'mailbox'");
            if (tasks >= plans && emails >= plans)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        var done = watch.Elapsed;
        line(string.Create(CultureInfo.InvariantCulture,
            $"fan-out, {what}: {plans} plans, {done.TotalSeconds:F1} s from the timer to every review opened ({plans / done.TotalSeconds:F0} plans/s); " +
            $"batches sent in {sent.TotalSeconds:F1} s, instances indexed at {indexed.TotalSeconds:F1} s; {opened} reviews, {tasks} tasks, {emails} emails; seeding took {seeded.TotalSeconds:F1} s; load {Load()}"));
        Assert.Equal((plans, plans, plans), (opened, tasks, emails));
    }

    /// <summary>The floor: as many messages as the small fan-out sends with one plan each, doing nothing, drained by the same loop.</summary>
    private async Task BareDrainAsync(Action<string> line, int messages)
    {
        var counter = new NoOpWork();
        await using var app = App(1, s => s.AddSingleton<IWorkItemHandler>(counter));
        var queue = app.Services.GetRequiredService<WorkQueue>();
        await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = Ct },
            async (i, ct) => await queue.SendAsync(new WorkItem(NoOpWork.WorkKind, i.ToString(CultureInfo.InvariantCulture)), cancellationToken: ct));
        var watch = Stopwatch.StartNew();
        while (counter.Count < messages && watch.Elapsed < Limit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }

        line(string.Create(CultureInfo.InvariantCulture,
            $"bare queue drain: {counter.Count} no-op messages in {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds / Math.Max(1, counter.Count):F1} ms a message); load {Load()}"));
        Assert.Equal(messages, counter.Count);
    }

    private KamFlowsApp App(int batchSize, Action<IServiceCollection>? extra = null) => new(azurite)
    {
        UseFakeClock = false,
        LocalTriggers = true,
        Settings = new Dictionary<string, string?>
        {
            ["Reviews:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
            ["QuarterlyReviewSchedule"] = "0 0 6 1 1 *", // the test fires the timer itself
            ["DueTimerSweepSchedule"] = "0 0 0 1 1 *",
        },
        ExtraServices = extra,
    };

    /// <summary>Writes people, a business unit, accounts and plan drafts straight into storage through the stores, 32 at a time.</summary>
    private static async Task SeedAsync(KamFlowsApp app, int plans)
    {
        var users = app.Services.GetRequiredService<UserDirectory>();
        var unit = "BENCH" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        User Person(string who, Role role) =>
            new(Guid.NewGuid().ToString("N"), $"{who}-{Guid.NewGuid():N}@kamflows.test", who, [role], "BR", "BR-SP", "America/Sao_Paulo", "pt-BR", unit, 5, true);
        var head = (await users.CreateAsync(Person("head", Role.HeadOfKam), Ct)).Value;
        var director = (await users.CreateAsync(Person("director", Role.Director), Ct)).Value;
        var kams = new User[Kams];
        for (var k = 0; k < Kams; k++)
        {
            kams[k] = (await users.CreateAsync(Person("kam" + k, Role.Kam), Ct)).Value;
        }

        await app.Services.GetRequiredService<BusinessUnitCatalog>().CreateAsync(new BusinessUnit(unit, "Bench", "BR", head.Id, director.Id, null), Ct);
        var accounts = app.Services.GetRequiredService<AccountStore>();
        var store = app.Services.GetRequiredService<PlanStore>();
        var now = DateTimeOffset.UtcNow;
        var quarter = Quarter.Of(DateOnly.FromDateTime(now.UtcDateTime)).Plus(-1).ToString();
        await Parallel.ForEachAsync(Enumerable.Range(0, plans), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = Ct }, async (i, ct) =>
        {
            var kam = kams[i % Kams];
            var id = Guid.NewGuid().ToString("N");
            await accounts.CreateAsync(new Account(id, $"Hospital {i}", "12.ABC.345/01DE-35", TaxIdScheme.Cnpj, "BR", "BR-SP", "America/Sao_Paulo", unit, "Hospitals",
                kam.Id, [], director.Id, null, RelationshipStage.Mid, [], AccountStatus.Active, null, now, null), ct);
            var plan = new AccountPlan("Grow", new FinancialSummary("BRL", 1_000_000, 2_000_000, null), new CustomerOverview("Hospital group", []), ["Delivery"], [], [], ["Win the tender"],
                [new BusinessGoal("g1", "Grow", "Revenue", 2_000_000, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), [new Milestone("m1", quarter, 500_000, 520_000, [])])]);
            await store.SaveDraftAsync(id, new PlanDraft(plan, 1, kam.Id, now), null, ct);
        });
    }

    private static async Task<int> CountAsync(TableClient table, string filter)
    {
        var n = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: Ct))
        {
            n++;
        }

        return n;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) ? n : fallback;

    private sealed class NoOpWork : IWorkItemHandler
    {
        public const string WorkKind = "bench-noop";
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public string Kind => WorkKind;

        public Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}
