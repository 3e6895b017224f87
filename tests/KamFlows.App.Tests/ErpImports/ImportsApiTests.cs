using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.ErpImports;

/// <summary>Sales imports through the API: mapping and preview, bad rows, the switch, re-imports, cancelling, Excel and the sales history they feed.</summary>
public sealed class ImportsApiTests(ImportsApiTests.App app) : IClassFixture<ImportsApiTests.App>
{
    /// <summary>BRL at 0.2 EUR; checkpoints every 100 rows, so a small file passes several.</summary>
    public sealed class App : KamFlowsApp
    {
        public App(Azurite azurite)
            : base(azurite)
        {
            Settings = new Dictionary<string, string?>
            {
                ["Portfolio:ExchangeRates:BRL"] = "0.2",
                ["Imports:FlushRows"] = "100",
            };
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ImportWorld _imports = new(app);

    private async Task<Account> AccountAsync()
    {
        var world = await AccountWorld.CreateAsync(app);
        return await world.AccountOfAsync(world.KamA);
    }

    [Fact]
    public async Task A_file_is_previewed_then_imported_into_the_accounts_sales_history_and_revenue()
    {
        var account = await AccountAsync();
        var source = await _imports.SourceAsync();
        var upload = await _imports.UploadAsync(source, ImportWorld.Csv(
            $"15/01/2026;{account.Id};Oncologia;10;1.000,50;BRL;NF-1;1",
            $"20/02/2026;{account.Id};Oncologia;5;500,25;BRL;NF-2;1",
            $"20/02/2026;{account.Id};Vacinação;1;99,99;EUR;NF-2;2",
            $"02/04/2026;{account.Id};Oncologia;2;200;BRL;NF-3;1"));
        Assert.Equal(ImportStatus.Uploaded, upload.Status);

        var preview = await app.ReadAsync<PreviewBody>(await _imports.Admin.GetAsync($"/api/imports/{upload.Id}/preview?rows=2", Ct));
        Assert.Equal(["Data", "Cliente", "Linha", "Qtd", "Valor", "Moeda", "NF", "Item"], preview.Headers);
        Assert.Contains("windows-1252", preview.Format, StringComparison.Ordinal);
        Assert.Empty(preview.MappingProblems);
        Assert.Equal([2, 3], preview.Rows.Select(r => r.Row));
        Assert.Equal("1.000,50", preview.Rows[0].Cells["Valor"]);
        Assert.Null(preview.Rows[0].Rejected);
        Assert.Equal("Comma", preview.DecimalMarksSeen["Valor"]);

        var done = await _imports.RunAsync(upload.Id);
        Assert.Equal(ImportStatus.Applied, done.Status);
        Assert.Equal((4, 4, 0), (done.RowsRead, done.RowsApplied, done.RowsRejected));

        var history = await _imports.HistoryAsync(account.Id);
        Assert.Equal(["2026-Q1", "2026-Q2"], history.Select(q => q.Quarter));
        var q1 = history[0];
        Assert.Equal(1500.75m, q1.Lines.Single(l => l.ProductLine == "Oncologia").NetValue);
        Assert.Equal(15m, q1.Lines.Single(l => l.ProductLine == "Oncologia").Quantity);
        Assert.Equal(99.99m, q1.Lines.Single(l => l.ProductLine == "Vacinação").NetValue);
        Assert.Equal((1500.75m * 0.2m) + 99.99m, q1.Total);

        var revenue = Assert.Single(await _imports.RevenueAsync(account.Id, "2026-Q1"));
        Assert.Equal((account.BusinessUnit, 400.14m, "EUR"), (revenue.BusinessUnit, revenue.NetValue, revenue.Currency));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_row_number_and_reason_and_the_good_rows_are_applied()
    {
        var account = await AccountAsync();
        var source = await _imports.SourceAsync();
        var upload = await _imports.UploadAsync(source, ImportWorld.Csv(
            $"15/01/2026;{account.Id};Oncologia;10;100;BRL;NF-1;1",
            $"31/02/2026;{account.Id};Oncologia;10;100;BRL;NF-1;2",
            $"15/01/2026;{account.Id};Oncologia;dez;100;BRL;NF-1;3",
            $"15/01/2026;{account.Id};Oncologia;10;cem;BRL;NF-1;4",
            $"15/01/2026;{account.Id};Oncologia;10;100;USD;NF-1;5",
            $"15/01/2026;{account.Id};Oncologia;10;100;BRL;NF-1;1",
            $"15/01/2026;;Oncologia;10;100;BRL;NF-1;7",
            $"15/01/2026;{account.Id};Oncologia;1;1,5;BRL;NF-1;8"));

        var done = await _imports.RunAsync(upload.Id);

        Assert.Equal((8, 2, 6), (done.RowsRead, done.RowsApplied, done.RowsRejected));
        var rejected = await _imports.RejectionsAsync(upload.Id);
        Assert.Equal([3, 4, 5, 6, 7, 8], rejected.Select(r => r.Row));
        Assert.StartsWith("The date '31/02/2026' is not a date", rejected[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("The quantity 'dez'", rejected[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("The net value 'cem'", rejected[2].Reason, StringComparison.Ordinal);
        Assert.Equal("There is no exchange rate for USD (Portfolio:ExchangeRates).", rejected[3].Reason);
        Assert.Equal("Row 2 has the same document and line.", rejected[4].Reason);
        Assert.StartsWith("The customer", rejected[5].Reason, StringComparison.Ordinal);
        Assert.Equal(101.5m, (await _imports.HistoryAsync(account.Id)).Single().Lines.Single().NetValue);
    }

    [Fact]
    public async Task Importing_the_same_file_again_or_an_overlapping_period_creates_no_duplicates()
    {
        var account = await AccountAsync();
        var source = await _imports.SourceAsync();
        string Line(string date, string doc, string value) => $"{date};{account.Id};Oncologia;1;{value};BRL;{doc};1";
        var january = ImportWorld.Csv(Line("10/01/2026", "NF-1", "100"), Line("20/01/2026", "NF-2", "200"));

        await _imports.RunAsync((await _imports.UploadAsync(source, january)).Id);
        await _imports.RunAsync((await _imports.UploadAsync(source, january)).Id);
        Assert.Equal(300m, (await _imports.HistoryAsync(account.Id)).Single().Lines.Single().NetValue);

        // January again (NF-2 corrected) with February: each line once, the later import's version.
        var overlap = await _imports.RunAsync((await _imports.UploadAsync(source, ImportWorld.Csv(
            Line("20/01/2026", "NF-2", "250"), Line("05/02/2026", "NF-3", "50")))).Id);
        Assert.Equal(ImportStatus.Applied, overlap.Status);
        var line = (await _imports.HistoryAsync(account.Id)).Single().Lines.Single();
        Assert.Equal((400m, 3), (line.NetValue, line.Lines));
    }

    [Fact]
    public async Task Lines_without_document_numbers_are_keyed_by_their_values_so_equal_lines_stay_two_and_a_reimport_adds_none()
    {
        var account = await AccountAsync();
        var columns = new Dictionary<string, string>(ImportWorld.SalesColumns);
        columns.Remove("document");
        columns.Remove("line");
        var source = await _imports.SourceAsync(columns: columns);
        var file = ImportWorld.Csv($"10/01/2026;{account.Id};Oncologia;1;100;BRL;;", $"10/01/2026;{account.Id};Oncologia;1;100;BRL;;");

        await _imports.RunAsync((await _imports.UploadAsync(source, file)).Id);
        await _imports.RunAsync((await _imports.UploadAsync(source, file)).Id);

        var line = (await _imports.HistoryAsync(account.Id)).Single().Lines.Single();
        Assert.Equal((200m, 2), (line.NetValue, line.Lines));
    }

    [Fact]
    public async Task A_cancelled_import_leaves_nothing_counted_and_frees_its_source()
    {
        var account = await AccountAsync();
        var source = await _imports.SourceAsync();
        var rows = Enumerable.Range(1, 450).Select(i => $"10/01/2026;{account.Id};Oncologia;1;10;BRL;NF-{i};1").ToArray();
        var upload = await _imports.UploadAsync(source, ImportWorld.Csv(rows));
        var started = await _imports.Admin.PostAsync($"/api/imports/{upload.Id}/run", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);

        // The cancel comes after the run was asked for, before its work item is handled: the run ends it instead of reading the file.
        var cancelling = await app.ReadAsync<ImportView>(await _imports.Admin.PostAsync($"/api/imports/{upload.Id}/cancel", null, Ct));
        Assert.True(cancelling.CancelRequested);
        await _imports.WorkAsync(upload.Id);

        var cancelled = await _imports.GetAsync(upload.Id);
        Assert.Equal(ImportStatus.Cancelled, cancelled.Status);
        Assert.Empty(await _imports.HistoryAsync(account.Id));
        Assert.Equal(HttpStatusCode.Conflict, (await _imports.Admin.PostAsync($"/api/imports/{upload.Id}/run", null, Ct)).StatusCode);

        // The source is free again, and the next file's lines are all that count: none of the cancelled rows.
        var next = await _imports.RunAsync((await _imports.UploadAsync(source, ImportWorld.Csv($"10/01/2026;{account.Id};Oncologia;1;10;BRL;NF-1;1"))).Id);
        Assert.Equal(ImportStatus.Applied, next.Status);
        Assert.Equal(10m, (await _imports.HistoryAsync(account.Id)).Single().Lines.Single().NetValue);
        Assert.Equal(HttpStatusCode.Conflict, (await _imports.Admin.PostAsync($"/api/imports/{next.Id}/cancel", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_second_import_of_a_source_waits_until_the_first_has_ended()
    {
        var source = await _imports.SourceAsync(defaultBusinessUnit: "X");
        var first = await _imports.UploadAsync(source, ImportWorld.Csv("10/01/2026;C1;Onco;1;1;BRL;NF-1;1"));
        var second = await _imports.UploadAsync(source, ImportWorld.Csv("10/01/2026;C1;Onco;1;1;BRL;NF-1;1"));
        Assert.Equal(HttpStatusCode.Accepted, (await _imports.Admin.PostAsync($"/api/imports/{first.Id}/run", null, Ct)).StatusCode);

        var refused = await _imports.Admin.PostAsync($"/api/imports/{second.Id}/run", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        await _imports.WorkAsync(first.Id);
        Assert.Equal(ImportStatus.Applied, (await _imports.RunAsync(second.Id)).Status);
    }

    [Fact]
    public async Task A_workbook_is_imported_like_a_csv()
    {
        var account = await AccountAsync();
        var source = await _imports.SourceAsync(decimalMark: "Point");
        var xlsx = XlsxFile.Build([
            ["Data", "Cliente", "Linha", "Qtd", "Valor", "Moeda", "NF", "Item"],
            [new DateOnly(2026, 1, 15), account.Id, "Oncologia", 10, 1000.5m, "BRL", "NF-1", 1],
            [new DateOnly(2026, 2, 20), account.Id, "Oncologia", 5, 500.25m, "BRL", "NF-2", 1],
            ["20/02/2026", account.Id, "Vacinas", 1, 0.1m, "EUR", "NF-2", 2],
            ["never", account.Id, "Vacinas", 1, 1, "EUR", "NF-3", 1],
        ]);

        var done = await _imports.RunAsync((await _imports.UploadAsync(source, xlsx, "vendas.xlsx")).Id);

        Assert.Equal((ImportStatus.Applied, 4, 3, 1), (done.Status, done.RowsRead, done.RowsApplied, done.RowsRejected));
        Assert.Contains("xlsx", done.Format, StringComparison.Ordinal);
        Assert.Equal(5, (await _imports.RejectionsAsync(done.Id)).Single().Row);
        var q1 = (await _imports.HistoryAsync(account.Id)).Single();
        Assert.Equal(1500.75m, q1.Lines.Single(l => l.ProductLine == "Oncologia").NetValue);
        Assert.Equal(0.1m, q1.Lines.Single(l => l.ProductLine == "Vacinas").NetValue);
    }

    [Fact]
    public async Task A_key_account_is_found_by_its_tax_id_as_the_erp_writes_it()
    {
        var world = await AccountWorld.CreateAsync(app);
        var body = world.AccountBody(world.KamA);
        body["taxId"] = "11.222.333/0001-81";
        var account = await app.ReadAsync<Account>(await world.As(world.KamA).PostAsJsonAsync("/api/accounts", body, Ct));
        var source = await _imports.SourceAsync();

        await _imports.RunAsync((await _imports.UploadAsync(source, ImportWorld.Csv("10/01/2026;11222333000181;Oncologia;1;100;BRL;NF-1;1", "10/01/2026;11.222.333/0001-81;Oncologia;1;50;BRL;NF-2;1"))).Id);

        Assert.Equal(150m, (await _imports.HistoryAsync(account.Id)).Single().Lines.Single().NetValue);
    }

    [Fact]
    public async Task A_file_missing_a_mapped_column_fails_with_the_reason_and_counts_nothing()
    {
        var source = await _imports.SourceAsync(defaultBusinessUnit: "X");
        var done = await _imports.RunAsync((await _imports.UploadAsync(source, "Data;Cliente\r\n10/01/2026;C1\r\n"u8.ToArray())).Id);
        Assert.Equal(ImportStatus.Failed, done.Status);
        Assert.Contains("'Linha', which the file does not have", done.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_and_changes_nothing()
    {
        var unknownField = await _imports.Admin.PutAsJsonAsync("/api/imports/sources/erp-bad", new { name = "x", kind = "Sales", columns = new { price = "Preço" }, defaultCurrency = "BRL" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("columns.price", await unknownField.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _imports.Admin.GetAsync("/api/imports/sources/erp-bad", Ct)).StatusCode);

        var noSource = await _imports.Admin.PostAsync("/api/imports?source=nope&name=a.csv", new ByteArrayContent([1]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        var source = await _imports.SourceAsync();
        var wrongName = await _imports.Admin.PostAsync($"/api/imports?source={source}&name=a.pdf", new ByteArrayContent([1]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongName.StatusCode);
        var scoped = await _imports.Admin.PostAsync($"/api/imports?source={source}&name=a.csv&scope=Full", new ByteArrayContent([1]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, scoped.StatusCode);

        var world = await AccountWorld.CreateAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.As(world.KamA).GetAsync("/api/imports", Ct)).StatusCode);
    }

    private sealed record PreviewBody(string Format, List<string> Headers, List<string> MappingProblems, Dictionary<string, string> DecimalMarksSeen, List<PreviewRowBody> Rows);

    private sealed record PreviewRowBody(int Row, Dictionary<string, string?> Cells, string? Rejected);
}
