using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contracts;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Contracts;

/// <summary>An account with its people (<see cref="AccountWorld"/>), and the calls a contract test makes.</summary>
internal sealed class ContractScenario(TasksApp app, AccountWorld world, Account account)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public AccountWorld World => world;

    public Account Account => account;

    public string Base => $"/api/accounts/{account.Id}/contracts";

    public static async Task<ContractScenario> CreateAsync(TasksApp app)
    {
        var world = await AccountWorld.CreateAsync(app);
        return new ContractScenario(app, world, await world.AccountOfAsync(world.KamA));
    }

    public static object Body(string reference, string start, string end, decimal value = 100000m, int notice = 30, string currency = "BRL") =>
        new { reference, start, end, value, currency, noticePeriodDays = notice };

    public Task<HttpResponseMessage> PostAsync(object body) => world.As(world.KamA).PostAsJsonAsync(Base, body, Ct);

    public async Task<ContractView> StoreAsync(object body) => await app.ReadAsync<ContractView>(await PostAsync(body));

    public async Task<ContractView> ViewAsync(string contractId) =>
        await app.ReadAsync<ContractView>(await world.As(world.KamA).GetAsync($"{Base}/{contractId}", Ct));

    public Task<HttpResponseMessage> ProposeAsync(string contractId, string start, string end, decimal value, string? comment = null) =>
        world.As(world.KamA).PostAsJsonAsync($"{Base}/{contractId}/renewal/terms",
            new { start, end, value, currency = "BRL", noticePeriodDays = 30, comment }, Ct);

    public async Task<ProcessInstance> RenewalAsync(string contractId) =>
        (await app.Services.GetRequiredService<InstanceStore>().LoadAsync(ContractRenewals.ProcessIdOf(contractId), Ct))!.Instance;

    /// <summary>The KAM's open tasks on the account.</summary>
    public Task<IReadOnlyList<WorkTask>> OpenTasksAsync() =>
        app.Services.GetRequiredService<TaskStore>().OpenOfAccountAsync(world.KamA.Id, account.Id, Ct);

    /// <summary>The approving director decides the sign-off waiting on them, from their list of approvals.</summary>
    public async Task DecideAsync(string verdict, string? comment = null)
    {
        var director = world.As(world.Director);
        var waiting = (await director.GetFromJsonAsync<JsonElement>("/api/me/approvals", Ct)).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == "Contract renewal terms");
        var processId = waiting.GetProperty("processId").GetString();
        var answer = await app.ReadAsync<JsonElement>(await director.PostAsJsonAsync("/api/me/approvals/decisions",
            new { items = new[] { new { processId, inputId = Guid.NewGuid().ToString("N"), decision = new { verdict, comment } } } }, Ct));
        Assert.Equal("applied", answer.GetProperty("items")[0].GetProperty("outcome").GetString());
        await RunAsync();
    }

    /// <summary>What the host would do now: sweep the due timers and deliver the work.</summary>
    public async Task RunAsync()
    {
        await app.SweepAsync();
        await app.DeliverWorkAsync();
    }
}
