using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using KamFlows.App.Engine;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Tests.Engine;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.ErpImports;

/// <summary>
/// The real app as a process kills itself at an import's save point (engine crash injection); until
/// it is started again nothing of the file counts (no sales history, no revenue); started again, the
/// queue message comes back, the run resumes and the file is applied whole, every line once.
/// </summary>
public sealed class ImportCrashTests(Azurite azurite)
{
    private const int Rows = 1000;
    private const int Customers = 20;

    public static TheoryData<SavePoint> ImportSavePoints => [SavePoint.ImportMidStaging, SavePoint.ImportStagedBeforeSwitch, SavePoint.ImportSwitchedBeforeApply];

    [Theory]
    [MemberData(nameof(ImportSavePoints))]
    public async Task A_crash_midway_leaves_no_partial_import_and_the_resumed_run_applies_the_file_once(SavePoint point)
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = "i" + Guid.NewGuid().ToString("N")[..12];
        var settings = AppCluster.HarnessSettings(azurite, prefix);
        settings["Imports__FlushRows"] = "200";
        settings["Imports__Lease"] = "00:00:05";
        settings["Portfolio__ExchangeRates__BRL"] = "0.2";
        await using var cluster = await AppCluster.StartAsync(settings, 1, point, 1, restartCrashed: true, ct);
        var app = cluster.Live.Single();
        var customers = "K" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        (await app.Client.PutAsJsonAsync("/api/imports/sources/erp", new
        {
            name = "ERP",
            kind = "Sales",
            columns = ImportWorld.SalesColumns,
            decimalMark = "Comma",
            defaultCurrency = "BRL",
            defaultBusinessUnit = "PHARMA",
        }, ct)).EnsureSuccessStatusCode();
        var uploaded = await app.Client.PostAsync("/api/imports?source=erp&name=vendas.csv", new SalesFileContent(customers, Rows, Customers), ct);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var import = (await uploaded.Content.ReadFromJsonAsync<ImportView>(KamFlowsApp.Json, ct))!;
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client.PostAsync($"/api/imports/{import.Id}/run", null, ct)).StatusCode);

        await Eventually.ReturnsAsync(() => Task.FromResult(app.HasExited), exited => exited, TimeSpan.FromSeconds(60));
        Assert.Contains($"crash injected at {point}", app.CrashMessage ?? app.Output, StringComparison.Ordinal);

        // Dead, midway: nothing of the file counts anywhere a reader looks.
        var service = new TableServiceClient(azurite.ConnectionString);
        Assert.Empty(await RowsAsync(service.GetTableClient(prefix + "saleshistory"), ct));
        Assert.Empty(await RowsAsync(service.GetTableClient(prefix + "revenue"), ct));

        await cluster.RecoverAsync(ct);
        var applied = await Eventually.ReturnsAsync(
            () => cluster.CallAsync(async c => (await c.GetFromJsonAsync<ImportView>($"/api/imports/{import.Id}", KamFlowsApp.Json, ct))!, ct),
            i => i.Status == ImportStatus.Applied, TimeSpan.FromSeconds(90));

        Assert.Equal((Rows, Rows, 0), (applied.RowsRead, applied.RowsApplied, applied.RowsRejected));
        Assert.Equal(1, cluster.Deaths);
        var lines = await RowsAsync(service.GetTableClient(prefix + "saleslines"), ct);
        Assert.Equal(Rows, lines.Count);
        var history = await RowsAsync(service.GetTableClient(prefix + "saleshistory"), ct);
        var expected = SalesFileContent.Lines(customers, Rows, Customers).Where(l => l.Month <= 3).Sum(l => l.Value);
        var q1 = history.Where(h => h.RowKey == "2026-Q1")
            .Sum(h => System.Text.Json.JsonSerializer.Deserialize<List<Features.SalesHistory.SalesHistoryLine>>(h.GetString("Json"), KamFlowsApp.Json)!.Sum(l => l.NetValue));
        Assert.Equal(expected, q1);
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
