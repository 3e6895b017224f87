using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Portfolio;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;

namespace KamFlows.App.Tests.Portfolio;

/// <summary>
/// The portfolio through the API, on hand-computed revenue. The revenue store is shared by the
/// tests of this class, so each test uses quarters of its own year and customers of its own.
/// </summary>
public sealed class PortfolioApiTests(PortfolioApiTests.App app) : IClassFixture<PortfolioApiTests.App>
{
    /// <summary>One quarter per ranking and four in the history, so the figures are easy to compute by hand; BRL at 0.2 EUR.</summary>
    public sealed class App : KamFlowsApp
    {
        public App(Azurite azurite)
            : base(azurite)
        {
            Settings = new Dictionary<string, string?>
            {
                ["Portfolio:WindowQuarters"] = "1",
                ["Portfolio:HistoryQuarters"] = "4",
                ["Portfolio:ExchangeRates:BRL"] = "0.2",
            };
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Row(string account, string unit, string quarter, decimal net, string currency = "EUR") =>
        new { accountId = account, businessUnit = unit, quarter, netValue = net, currency };

    private static string Customer() => "cust" + Guid.NewGuid().ToString("N")[..10];

    private async Task WriteAsync(params object[] rows) =>
        (await app.AdminClient().PutAsJsonAsync("/api/admin/revenue", new { rows }, Ct)).EnsureSuccessStatusCode();

    [Fact]
    public async Task Revenue_is_written_by_administrators_and_a_bad_row_is_a_problem_that_stores_nothing()
    {
        var world = await AccountWorld.CreateAsync(app);
        var admin = app.AdminClient();
        var customer = Customer();
        var before = await StorageSnapshot.TakeAsync(app.Storage, Ct);

        var byKam = await world.As(world.KamA).PutAsJsonAsync("/api/admin/revenue", new { rows = new[] { Row(customer, world.Unit, "2001-Q1", 1) } }, Ct);
        var wrong = await admin.PutAsJsonAsync("/api/admin/revenue", new { rows = new[] { Row(customer, "NO-SUCH-UNIT", "2001-Q1", 1), Row(customer, world.Unit, "2001-Q2", 1, "USD") } }, Ct);
        var twice = await admin.PutAsJsonAsync("/api/admin/revenue", new { rows = new[] { Row(customer, world.Unit, "2001-Q1", 1), Row(customer, world.Unit, "2001-Q1", 2) } }, Ct);
        var badQuarter = await admin.PutAsJsonAsync("/api/admin/revenue", new { rows = new[] { Row(customer, world.Unit, "2001-Q5", 1) } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byKam.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var problem = await wrong.Content.ReadAsStringAsync(Ct);
        Assert.Contains("rows[0].businessUnit", problem, StringComparison.Ordinal);
        Assert.Contains("rows[1].currency", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badQuarter.StatusCode);
        Assert.Contains("rows[0].quarter", await badQuarter.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(app.Storage, Ct));

        var written = await admin.PutAsJsonAsync("/api/admin/revenue", new { rows = new[] { Row(customer, world.Unit, "2001-Q1", -12.5m), Row(customer, world.Unit, "2001-Q2", 100, "BRL") } }, Ct);
        Assert.Equal(2, (await app.ReadAsync<RevenueWritten>(written)).Rows);
    }

    [Fact]
    public async Task Pareto_applies_hysteresis_over_quarters_an_override_and_writes_the_classes_to_key_accounts()
    {
        var world = await AccountWorld.CreateAsync(app);
        var big = (await world.AccountOfAsync(world.KamA)).Id;
        var (mid, small) = (Customer(), Customer());
        // big leads in Q1 and Q2, mid in Q3 and Q4 (two quarters: both change class in Q4); small's 100 BRL are 20 EUR.
        await WriteAsync(
            Row(big, world.Unit, "2010-Q1", 70), Row(big, world.Unit, "2010-Q2", 70), Row(big, world.Unit, "2010-Q3", 10), Row(big, world.Unit, "2010-Q4", 10),
            Row(mid, world.Unit, "2010-Q1", 10), Row(mid, world.Unit, "2010-Q2", 10), Row(mid, world.Unit, "2010-Q3", 70), Row(mid, world.Unit, "2010-Q4", 70),
            Row(small, world.Unit, "2010-Q1", 100, "BRL"), Row(small, world.Unit, "2010-Q2", 100, "BRL"), Row(small, world.Unit, "2010-Q3", 100, "BRL"), Row(small, world.Unit, "2010-Q4", 100, "BRL"));
        var head = world.As(world.Head);

        var pareto = await app.ReadAsync<ParetoView>(await world.As(world.Director).GetAsync("/api/portfolio/pareto?quarter=2010-Q4", Ct));

        Assert.Equal(("2010-Q4", "2010-Q1", "EUR", 100m, 3), (pareto.Quarter, pareto.FirstQuarter, pareto.Currency, pareto.TotalRevenue, pareto.Accounts));
        Assert.Equal([(AccountClass.A, 2, 90m, 0.9m), (AccountClass.B, 1, 10m, 0.1m), (AccountClass.C, 0, 0m, 0m)], pareto.Classes.Select(c => (c.Class, c.Accounts, c.Revenue, c.Share)));
        Assert.Equal([(0, 0m), (1, 0.7m), (2, 0.9m), (3, 1m)], pareto.Curve.Select(p => (p.Accounts, p.RevenueShare)));
        Assert.Equal(
            [(big, AccountClass.A, AccountClass.B, ClassChange.Crossed), (mid, AccountClass.B, AccountClass.A, ClassChange.Crossed)],
            pareto.Changes.OrderBy(c => c.AccountId == mid).Select(c => (c.AccountId, c.From!.Value, c.To, c.Reason)));
        Assert.Empty(pareto.Pending);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.As(world.KamA).GetAsync("/api/portfolio/pareto?quarter=2010-Q4", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync("/api/portfolio/pareto?quarter=2010-Q7", Ct)).StatusCode);

        var overrideBody = new { accountId = big, quarter = "2010-Q4", @class = "A", reason = "Framework contract renewed for three years" };
        Assert.Equal(HttpStatusCode.Forbidden, (await world.As(world.Director).PostAsJsonAsync("/api/portfolio/class-overrides", overrideBody, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await head.PostAsJsonAsync("/api/portfolio/class-overrides", overrideBody, Ct)).StatusCode);
        var overridden = await app.ReadAsync<ParetoView>(await head.GetAsync("/api/portfolio/pareto?quarter=2010-Q4", Ct));

        Assert.Equal([mid], overridden.Changes.Select(c => c.AccountId));
        var pending = Assert.Single(overridden.Pending);
        Assert.Equal((big, AccountClass.A, AccountClass.B, ClassChange.Override), (pending.AccountId, pending.From!.Value, pending.To, pending.Reason));

        var applied = await app.ReadAsync<AppliedClasses>(await head.PostAsync("/api/portfolio/pareto/apply?quarter=2010-Q4", null, Ct));
        Assert.Equal(big, Assert.Single(applied.Applied).AccountId);
        Assert.Equal(AccountClass.A, (await app.ReadAsync<Account>(await head.GetAsync($"/api/accounts/{big}", Ct))).Class);
        var reapplied = await app.ReadAsync<AppliedClasses>(await head.PostAsync("/api/portfolio/pareto/apply?quarter=2010-Q4", null, Ct));
        Assert.Empty(reapplied.Applied);
    }

    [Fact]
    public async Task Mono_dependence_flags_above_the_threshold_not_on_it_with_the_healthy_band_and_falling_revenue()
    {
        var pharma = await AccountWorld.CreateAsync(app);
        var devices = await AccountWorld.CreateAsync(app);
        var key = (await pharma.AccountOfAsync(pharma.KamA)).Id;
        var (onTheLine, rest, other) = (Customer(), Customer(), Customer());
        // Devices: exactly 75 % for one customer. Pharma: the key account makes 76 % in Q4, all of it before.
        await WriteAsync(
            Row(onTheLine, devices.Unit, "2012-Q4", 75), Row(rest, devices.Unit, "2012-Q4", 25),
            Row(key, pharma.Unit, "2012-Q2", 100), Row(key, pharma.Unit, "2012-Q3", 90), Row(key, pharma.Unit, "2012-Q4", 76), Row(other, pharma.Unit, "2012-Q4", 24));

        var risks = await app.ReadAsync<RisksView>(await pharma.As(pharma.Director).GetAsync("/api/portfolio/risks?quarter=2012-Q4", Ct));

        var flag = Assert.Single(risks.MonoDependence);
        Assert.Equal((pharma.Unit, key, 0.76m), (flag.BusinessUnit, flag.AccountId, flag.Share));
        Assert.Equal([null, 1m, 1m, 0.76m], flag.History.Select(h => h.Share));
        Assert.Equal(ShareTrend.Falling, flag.Trend);
        var bands = risks.HealthyBand.ToDictionary(b => b.Scope);
        Assert.Equal((0.38m, false), (bands["all"].KeyShare, bands["all"].Outside));
        Assert.Equal((0.76m, true), (bands[pharma.Unit].KeyShare, bands[pharma.Unit].Outside));
        Assert.Equal((0m, true), (bands[devices.Unit].KeyShare, bands[devices.Unit].Outside));
        var falling = Assert.Single(risks.FallingRevenue);
        Assert.Equal(key, falling.AccountId);
        Assert.Equal(["2012-Q2", "2012-Q3", "2012-Q4"], falling.Quarters);
    }

    [Fact]
    public async Task An_accounts_health_names_each_cause_with_its_weight_and_its_quarterly_trend()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var rui = new Dictionary<string, object?>
        {
            ["name"] = "Rui Lima",
            ["role"] = "DecisionMaker",
            ["influence"] = 5,
            ["attitude"] = "Supporter",
            ["active"] = false,
            ["lastInteractionOn"] = "2026-02-01",
        };
        var contact = await app.ReadAsync<KamFlows.App.Features.Contacts.Contact>(await kam.PostAsJsonAsync($"/api/accounts/{account.Id}/contacts", rui, Ct));
        (await kam.PostAsJsonAsync($"/api/accounts/{account.Id}/interactions", new { kind = "Complaint", occurredAt = "2026-02-20T10:00:00Z", summary = "Late delivery" }, Ct)).EnsureSuccessStatusCode();
        await WriteAsync(Row(account.Id, world.Unit, "2025-Q2", 300), Row(account.Id, world.Unit, "2025-Q3", 200), Row(account.Id, world.Unit, "2025-Q4", 100));

        var health = await app.ReadAsync<AccountHealthView>(await world.As(world.Director).GetAsync($"/api/accounts/{account.Id}/health", Ct));

        // Today is 2 March 2026 (the account was created today: not neglected yet).
        Assert.Equal(new DateOnly(2026, 3, 2), health.Today);
        Assert.Equal(
            [(RiskCause.KeyContactChange, 30), (RiskCause.FallingRevenue, 25), (RiskCause.OpenComplaints, 10)],
            health.Now.Signals.Select(s => (s.Cause, s.Weight)));
        Assert.Equal([contact.Id], health.Now.Signals[0].References);
        Assert.Equal(35, health.Now.Score);
        // Quarter ends of 2025: only the fall shows at its end (the contact and the complaint came later).
        Assert.Equal([100, 100, 100, 75], health.Quarterly.Select(q => q.Score));
        Assert.Equal(HttpStatusCode.NotFound, (await world.As(world.KamB).GetAsync($"/api/accounts/{account.Id}/health", Ct)).StatusCode);
    }
}
