using System.Net.Http.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Tenders;
using KamFlows.App.Features.Users;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tenders;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Tenders;

/// <summary>
/// A tender as the tests drive it: a business unit with its head of KAM and director, a KAM's account
/// in São Paulo, the tender registered over the API; the clock moved from one due time of the tender
/// to the next, doing what the Functions host would (the sweep, the work queue).
/// </summary>
internal sealed class TenderScenario(TasksApp app, AccountWorld world, Account account)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public TasksApp App => app;

    public AccountWorld World => world;

    public Account Account => account;

    public User Kam => world.KamA;

    public HttpClient KamClient => world.As(world.KamA);

    public static async Task<TenderScenario> CreateAsync(TasksApp app)
    {
        var world = await AccountWorld.CreateAsync(app);
        return new TenderScenario(app, world, await world.AccountOfAsync(world.KamA));
    }

    public Dictionary<string, object?> Body(DateOnly tenderDate, string? reference = null, string[]? documentIds = null) => new()
    {
        ["accountId"] = account.Id,
        ["buyer"] = "Hospital Alpha purchasing",
        ["reference"] = reference ?? "PNCP-" + Guid.NewGuid().ToString("N")[..8],
        ["expectedTenderDate"] = tenderDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["estimatedValue"] = 2_500_000.00m,
        ["currency"] = "BRL",
        ["lots"] = new[] { "Lot 1: oncology drugs", "Lot 2: infusion pumps" },
        ["documentIds"] = documentIds ?? [],
        ["bidCriteria"] = new { strategicFit = 4, estimatedMarginPercent = 18.5m, buyingGroupCoverage = 3, competitors = "Rival SA", capacity = 4 },
    };

    public async Task<HttpResponseMessage> PostAsync(object body, string? key = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tenders") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(TendersApi.IdempotencyKeyHeader, key ?? Guid.NewGuid().ToString("N"));
        return await (client ?? KamClient).SendAsync(request, Ct);
    }

    public async Task<TenderView> RegisterAsync(DateOnly tenderDate) => await app.ReadAsync<TenderView>(await PostAsync(Body(tenderDate)));

    public async Task<TenderView> GetAsync(string id, HttpClient? client = null) =>
        await app.ReadAsync<TenderView>(await (client ?? KamClient).GetAsync($"/api/tenders/{id}", Ct));

    public async Task<ProcessInstance> InstanceAsync(string processId) =>
        (await app.Services.GetRequiredService<InstanceStore>().LoadAsync(processId, Ct))!.Instance;

    public async Task<TenderState> StateAsync(string processId) => TenderPreparationDefinition.ReadState((await InstanceAsync(processId)).StateJson);

    /// <summary>The approval request of the tender with this business key suffix ("bid", "sign-off|1").</summary>
    public static string ApprovalOf(string tenderId, string what) => InstanceIds.For(ApprovalRequestDefinition.DefinitionName, $"{tenderId}|{what}");

    /// <summary>Decides an approval request as <paramref name="who"/> (the head of KAM for the bid, the director for the sign-off).</summary>
    public async Task<SendOutcome> DecideAsync(string approvalId, User who, Verdict verdict, string? comment = null) =>
        await app.Engine.SendAsync(approvalId, "decision|" + Guid.NewGuid().ToString("N"),
            new EngineInput.Command(new ApprovalCommand.Decide(ApprovalDecision.Whole(verdict, comment))), Sender.Person(who.Id, who.Roles), Ct);

    /// <summary>Moves the clock to <paramref name="at"/> and does what the host would: sweep the due timers, deliver the work.</summary>
    public async Task RunUntilAsync(DateTimeOffset at)
    {
        app.Clock.SetUtcNow(at);
        await app.SweepAsync();
        await app.DeliverWorkAsync();
    }

    /// <summary>The tender's next wake-up, if any.</summary>
    public async Task<PendingWakeUp?> NextWakeUpAsync(string processId) =>
        (await InstanceAsync(processId)).WakeUps.OrderBy(w => w.DueAt).FirstOrDefault();

    /// <summary>The KAM's open tasks of this account from the tender's process.</summary>
    public async Task<IReadOnlyList<WorkTask>> OpenTasksAsync(string processId) =>
        [.. (await app.Services.GetRequiredService<TaskStore>().OpenOfAccountAsync(Kam.Id, account.Id, Ct)).Where(t => t.ProcessId == processId)];

    public async Task CompleteAsync(WorkTask task) =>
        (await KamClient.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "done" }, Ct)).EnsureSuccessStatusCode();

    /// <summary>Completes every open checklist task of the tender: the milestones open now get done.</summary>
    public async Task CompleteChecklistTasksAsync(string processId)
    {
        foreach (var task in await OpenTasksAsync(processId))
        {
            if (TenderChecklists.FromTaskKind(task.Kind) is not null || task.Kind == "tender-revise-bid")
            {
                await CompleteAsync(task);
            }
        }
    }
}
