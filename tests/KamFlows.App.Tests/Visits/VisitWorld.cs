using System.Net.Http.Json;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Visits;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Visits;

/// <summary>A KAM (São Paulo) with accounts of given classes, and the calls a visit test makes.</summary>
internal sealed class VisitWorld(TasksApp app, AccountWorld world, IReadOnlyList<Account> accounts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public AccountWorld World => world;

    public IReadOnlyList<Account> Accounts => accounts;

    public HttpClient Kam => world.As(world.KamA);

    public static async Task<VisitWorld> CreateAsync(TasksApp app, params AccountClass[] classes)
    {
        var world = await AccountWorld.CreateAsync(app);
        var accounts = new List<Account>();
        foreach (var c in classes)
        {
            accounts.Add(await ClassifyAsync(app, await world.AccountOfAsync(world.KamA), c));
        }

        return new VisitWorld(app, world, accounts);
    }

    /// <summary>What the quarterly classification does: writes the class on the account record.</summary>
    public static async Task<Account> ClassifyAsync(TasksApp app, Account account, AccountClass c)
    {
        var store = app.Services.GetRequiredService<AccountStore>();
        var found = (await store.FindAsync(account.Id, Ct))!;
        await store.UpdateAsync(found.Value, found.Value with { Class = c }, found.ETag, Ct);
        return found.Value with { Class = c };
    }

    public async Task<int> PlanAsync(string week)
    {
        var answer = await app.ReadAsync<VisitsApi.PlanAnswer>(await Kam.PostAsync($"/api/me/week/plan?week={week}", null, Ct));
        return answer.Stored;
    }

    public async Task<MyWeek> WeekAsync(string week) => await app.ReadAsync<MyWeek>(await Kam.GetAsync($"/api/me/week?week={week}", Ct));

    public async Task<IReadOnlyList<VisitView>> VisitsOfWeekAsync(string week) => [.. (await WeekAsync(week)).Days.SelectMany(d => d.Visits)];

    public async Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Account account) =>
        (await app.Services.GetRequiredService<TaskStore>().OpenOfAccountAsync(world.KamA.Id, account.Id, Ct)).Where(WeekPlanning.IsVisitTask).ToList();

    public async Task<AccountVisits> OfAccountAsync(Account account) =>
        await app.ReadAsync<AccountVisits>(await Kam.GetAsync($"/api/accounts/{account.Id}/visits", Ct));
}
