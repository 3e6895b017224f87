using System.Net.Http.Json;
using System.Text;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Features.Receivables;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.ErpImports;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Receivables;

/// <summary>The tasks app (engine, tasks, sweeps) with BRL at 0.2 EUR, the reporting currency.</summary>
public sealed class ReceivablesApp : TasksApp
{
    public ReceivablesApp(Azurite azurite)
        : base(azurite)
    {
        Settings["Portfolio:ExchangeRates:BRL"] = "0.2";
    }
}

/// <summary>An account of KAM A in São Paulo, a receivables source of its own, and the calls a receivables test makes.</summary>
internal sealed class ReceivablesScenario(ReceivablesApp app, AccountWorld world, Account account, string source)
{
    public static readonly Dictionary<string, string> Columns = new()
    {
        ["document"] = "Documento",
        ["customer"] = "Cliente",
        ["dueDate"] = "Vencimento",
        ["amount"] = "Valor",
        ["currency"] = "Moeda",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public AccountWorld World => world;

    public Account Account => account;

    public string Source => source;

    public static async Task<ReceivablesScenario> CreateAsync(ReceivablesApp app)
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var source = await new ImportWorld(app).SourceAsync("Receivables", Columns);
        return new ReceivablesScenario(app, world, account, source);
    }

    /// <summary>A line of the ERP's receivables export: document; customer; due date (dd/mm/yyyy); amount with a decimal comma; currency.</summary>
    public string Line(string document, string due, string amount, string? accountId = null) => $"{document};{accountId ?? account.Id};{due};{amount};BRL";

    public static byte[] Csv(params string[] lines) =>
        Encoding.UTF8.GetBytes("Documento;Cliente;Vencimento;Valor;Moeda\r\n" + string.Join("\r\n", lines) + "\r\n");

    /// <summary>Uploads and runs a receivables file of <paramref name="scope"/> (Full or Partial), then lets the host sweep and deliver.</summary>
    public async Task<ImportView> ImportAsync(string scope, params string[] lines)
    {
        // A new admin client each time: a test that moves the clock by months outlives a development token.
        var imports = new ImportWorld(app);
        var upload = await imports.UploadAsync(source, Csv(lines), "titulos.csv", scope);
        var run = await imports.RunAsync(upload.Id);
        await RunAsync();
        return run;
    }

    public Task<List<RejectedRow>> RejectionsAsync(string importId) => new ImportWorld(app).RejectionsAsync(importId);

    public async Task<AccountReceivablesView> ViewAsync(Account? of = null, KamFlows.App.Features.Users.User? by = null) =>
        await app.ReadAsync<AccountReceivablesView>(await world.As(by ?? world.KamA).GetAsync($"/api/accounts/{(of ?? account).Id}/receivables", Ct));

    public Task<HttpResponseMessage> SetCreditLimitAsync(KamFlows.App.Features.Users.User by, decimal? amount) =>
        world.As(by).PutAsJsonAsync($"/api/accounts/{account.Id}/receivables/credit-limit", new { amount }, Ct);

    public async Task<ProcessInstance?> FollowUpAsync(string document) =>
        (await app.Services.GetRequiredService<InstanceStore>().LoadAsync(ReceivableFollowUps.ProcessIdOf(source, document), Ct))?.Instance;

    /// <summary>Open tasks of <paramref name="user"/> on the account (KAM A's by default).</summary>
    public Task<IReadOnlyList<WorkTask>> OpenTasksAsync(KamFlows.App.Features.Users.User? user = null, Account? of = null) =>
        app.Services.GetRequiredService<TaskStore>().OpenOfAccountAsync((user ?? world.KamA).Id, (of ?? account).Id, Ct);

    /// <summary>What the host would do now: sweep the due timers and deliver the work.</summary>
    public async Task RunAsync()
    {
        await app.SweepAsync();
        await app.DeliverWorkAsync();
    }
}
