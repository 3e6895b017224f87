using System.Net.Http.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.App.Tests.Engine;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;

namespace KamFlows.App.Tests.Pages;

/// <summary>
/// What the page tests look at, made as the app would make it (users, a business unit and accounts
/// through the API; tasks and processes through the engine): one user of each role, each in their own
/// language and time zone, and two KAMs with an account each.
/// </summary>
internal sealed record PageWorld(PagesApp App, string Unit, User Head, User Director, User Admin, User KamA, User KamB, Account AccountA, Account AccountB)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly PartyCalendar Brazil = new("BR", "SP", null, "America/Sao_Paulo");

    public static async Task<PageWorld> CreateAsync(PagesApp app)
    {
        var head = await app.UserAsync("head", "Europe/Lisbon", "pt-PT", role: "HeadOfKam");
        var director = await app.UserAsync("director", "America/Sao_Paulo", "en", role: "Director");
        var admin = await app.UserAsync("admin", "Europe/Lisbon", "en", role: "Admin");
        var kamA = await app.UserAsync("kama", "America/Sao_Paulo", "pt-BR");
        var kamB = await app.UserAsync("kamb", "America/Sao_Paulo", "pt-BR");
        var unit = "U" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var client = app.AdminClient();
        (await client.PostAsJsonAsync("/api/business-units", new
        {
            code = unit,
            name = "Pharma Brazil",
            country = "BR",
            headOfKamUserId = head.Id,
            directorUserId = director.Id,
        }, Ct)).EnsureSuccessStatusCode();
        var accountA = await AccountAsync(app, unit, kamA, "Hospital Alfa");
        var accountB = await AccountAsync(app, unit, kamB, "Clínica Beta");
        return new PageWorld(app, unit, head, director, admin, kamA, kamB, accountA, accountB);
    }

    /// <summary>An account of <paramref name="owner"/> in <paramref name="unit"/>, made by the administrator; its name made unique.</summary>
    public static async Task<Account> AccountAsync(PagesApp app, string unit, User owner, string name) =>
        await app.ReadAsync<Account>(await app.AdminClient().PostAsJsonAsync("/api/accounts", new Dictionary<string, object?>
        {
            ["name"] = $"{name} {Guid.NewGuid().ToString("N")[..6]}",
            ["taxId"] = "12.ABC.345/01DE-35",
            ["country"] = "BR",
            ["region"] = "BR-SP",
            ["timeZone"] = "America/Sao_Paulo",
            ["businessUnit"] = unit,
            ["segment"] = "Hospitals",
            ["ownerUserId"] = owner.Id,
            ["coKamUserIds"] = Array.Empty<string>(),
            ["stage"] = "Mid",
            ["revenue"] = Array.Empty<object>(),
        }, Ct));

    /// <summary>A task for <paramref name="who"/>, due <paramref name="dueIn"/> from now, through an errand that hears its completion.</summary>
    public Task<(string ProcessId, WorkTask Task)> TaskForAsync(User who, Account? account, TimeSpan dueIn, params string[] outcomes) =>
        App.GiveAsync(new CreateTask("call-customer", who.Id, new TaskDue.At(App.Clock.GetUtcNow() + dueIn), account?.Id, "task-done", outcomes.Length > 0 ? outcomes : null));

    /// <summary>
    /// A process on <paramref name="account"/> waiting on <paramref name="waitingOn"/> with a wake-up
    /// the next business day at 09:00: late once the clock passes it without a sweep.
    /// </summary>
    public async Task<string> WaitingProcessAsync(Account account, User waitingOn)
    {
        var started = await App.Engine.StartAsync(new StartRequest(
            PingPong.DefinitionName, Guid.NewGuid().ToString("N"), new PingPong.Begin(),
            new Dictionary<string, IReadOnlyList<string>> { ["approver"] = [waitingOn.Id] }, new Dictionary<string, PartyCalendar> { ["approver"] = Brazil },
            AccountId: account.Id), Sender.System, Ct);
        await App.Engine.SendAsync(started.InstanceId, Guid.NewGuid().ToString(), new EngineInput.Command(new PingPong.HandApproval(waitingOn.Id, Brazil)), Sender.System, Ct);
        return started.InstanceId;
    }

    /// <summary>Pong 500 of PingPong fails on cue: the process keeps a failing effect until it is retried with the cue off.</summary>
    public const int FailingPong = 500;

    /// <summary>Gives <paramref name="processId"/> an effect that keeps failing (after the engine's quick retries).</summary>
    public async Task FailAnEffectAsync(string processId)
    {
        App.Pongs.FailWhen = p => p.N == FailingPong;
        await App.Engine.SendAsync(processId, Guid.NewGuid().ToString(), new EngineInput.Command(new PingPong.Ping(FailingPong)), Sender.System, Ct);
    }

    /// <summary>Revenue of the last four quarters of 2025 (the last complete quarter at the fake clock's start): account A large and growing, B shrinking, and three customers that are not key accounts.</summary>
    public async Task RevenueAsync()
    {
        var rows = new List<object>();
        void Add(string customer, params decimal[] values)
        {
            for (var q = 0; q < values.Length; q++)
            {
                rows.Add(new { accountId = customer, businessUnit = Unit, quarter = $"2025-Q{q + 1}", netValue = values[q], currency = "EUR" });
            }
        }

        Add(AccountA.Id, 600_000, 700_000, 800_000, 900_000);
        Add(AccountB.Id, 300_000, 200_000, 150_000, 100_000);
        Add("other1", 40_000, 40_000, 40_000, 40_000);
        Add("other2", 20_000, 20_000, 20_000, 20_000);
        Add("other3", 5_000, 5_000, 5_000, 5_000);
        (await App.AdminClient().PutAsJsonAsync("/api/admin/revenue", new { rows }, Ct)).EnsureSuccessStatusCode();
    }
}
