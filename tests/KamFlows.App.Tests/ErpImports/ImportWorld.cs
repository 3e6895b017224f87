using System.Net;
using System.Net.Http.Json;
using System.Text;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Features.Portfolio;
using KamFlows.App.Features.SalesHistory;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Work;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.ErpImports;

/// <summary>
/// What an import test does through the API: save a source, upload a file, run it. The run is the
/// app's own queue handler, called here in place of the queue (the queue loop is off in these apps),
/// so a test knows when the run is over and can cancel before it starts.
/// </summary>
internal sealed class ImportWorld(KamFlowsApp app)
{
    public static readonly Dictionary<string, string> SalesColumns = new()
    {
        ["date"] = "Data",
        ["customer"] = "Cliente",
        ["productLine"] = "Linha",
        ["quantity"] = "Qtd",
        ["netValue"] = "Valor",
        ["currency"] = "Moeda",
        ["document"] = "NF",
        ["line"] = "Item",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Admin { get; } = app.AdminClient();

    public async Task<string> SourceAsync(string kind = "Sales", Dictionary<string, string>? columns = null, string decimalMark = "Comma", string? defaultBusinessUnit = null, string? dateFormat = null)
    {
        var id = "erp-" + Guid.NewGuid().ToString("N")[..8];
        var saved = await Admin.PutAsJsonAsync($"/api/imports/sources/{id}", new
        {
            name = "ERP " + id,
            kind,
            columns = columns ?? SalesColumns,
            decimalMark,
            dateFormat,
            defaultCurrency = "BRL",
            defaultBusinessUnit,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return id;
    }

    public async Task<ImportView> UploadAsync(string source, byte[] file, string name = "vendas.csv", string? scope = null) =>
        await UploadAsync(source, new ByteArrayContent(file), name, scope);

    public async Task<ImportView> UploadAsync(string source, HttpContent content, string name, string? scope = null)
    {
        var url = $"/api/imports?source={source}&name={name}" + (scope is null ? "" : $"&scope={scope}");
        var response = await Admin.PostAsync(url, content, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await app.ReadAsync<ImportView>(response);
    }

    /// <summary>Starts the import over the API, then runs the work item it queued.</summary>
    public async Task<ImportView> RunAsync(string importId)
    {
        var started = await Admin.PostAsync($"/api/imports/{importId}/run", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/imports/{importId}", started.Headers.Location?.OriginalString);
        await WorkAsync(importId);
        return await GetAsync(importId);
    }

    public Task WorkAsync(string importId) =>
        app.Services.GetRequiredService<ImportRun>().HandleAsync(new WorkItem(ImportRun.WorkKind, importId), Ct);

    public async Task<ImportView> GetAsync(string importId) => await app.ReadAsync<ImportView>(await Admin.GetAsync($"/api/imports/{importId}", Ct));

    public async Task<List<RejectedRow>> RejectionsAsync(string importId) =>
        (await app.ReadAsync<KamFlows.App.Http.PagedList<RejectedRow>>(await Admin.GetAsync($"/api/imports/{importId}/rejections?pageSize=500", Ct))).Items.ToList();

    public async Task<List<SalesHistoryQuarter>> HistoryAsync(string accountId, string from = "2025-Q1", string to = "2026-Q4") =>
        await app.ReadAsync<List<SalesHistoryQuarter>>(await Admin.GetAsync($"/api/accounts/{accountId}/sales-history?from={from}&to={to}", Ct));

    public Task<IReadOnlyList<RevenueRow>> RevenueAsync(string accountId, string quarter) =>
        app.Services.GetRequiredService<RevenueStore>().ReadAccountAsync(accountId, new QuarterRange(Quarter.Parse(quarter), 1), Ct);

    /// <summary>A semicolon CSV in Windows-1252 with decimal commas, as a Brazilian ERP writes it.</summary>
    public static byte[] Csv(params string[] lines)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes("Data;Cliente;Linha;Qtd;Valor;Moeda;NF;Item\r\n" + string.Join("\r\n", lines) + "\r\n");
    }
}
