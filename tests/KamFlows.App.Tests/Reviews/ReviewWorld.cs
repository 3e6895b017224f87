using System.Net.Http.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Email;
using KamFlows.App.Features.Reviews;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.App.Hosting;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Plans;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Reviews;

/// <summary>
/// An app of its own per test (the fan-out covers every plan of its storage), with a business unit
/// (head of KAM, director), KAM A owning accounts with plans, and ways to fire the quarter's timer,
/// drain the work queue and read the reviews. The clock starts at 2026-04-01 06:00 UTC: when the
/// default schedule fires for 2026-Q2.
/// </summary>
internal sealed class ReviewWorld : IAsyncDisposable
{
    public const string Quarter = "2026-Q2";
    public static readonly DateTimeOffset QuarterStart = new(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);

    private ReviewWorld(TasksApp app, AccountWorld people)
    {
        App = app;
        People = people;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public TasksApp App { get; }

    public AccountWorld People { get; }

    public User Kam => People.KamA;

    public static async Task<ReviewWorld> CreateAsync(Azurite azurite)
    {
        var app = new TasksApp(azurite);
        var people = await AccountWorld.CreateAsync(app);
        return new ReviewWorld(app, people);
    }

    /// <summary>An account of KAM A with a plan draft (milestone m1 of 2026-Q1 reached), and its whole revenue in 2026-Q1, so Pareto proposes class A.</summary>
    public async Task<Account> AccountWithPlanAsync()
    {
        var account = await People.AccountOfAsync(Kam);
        var plan = PlanBodies.Plan(Kam.Id);
        plan.Milestone(0)["actual"] = 750_000;
        await PlanBodies.CreateDraftAsync(People.As(Kam), account.Id, plan);
        var revenue = await App.AdminClient().PutAsJsonAsync("/api/admin/revenue", new
        {
            rows = new[] { new { accountId = account.Id, businessUnit = People.Unit, quarter = "2026-Q1", netValue = 250_000m, currency = "EUR" } },
        }, Ct);
        revenue.EnsureSuccessStatusCode();
        return account;
    }

    /// <summary>Moves the clock to the quarter's first day, 06:00 UTC (or later).</summary>
    public void At(DateTimeOffset when) => App.Clock.SetUtcNow(when);

    /// <summary>What the Functions host does on the schedule: run the quarter's timer once, then deliver the work it sent.</summary>
    public async Task FireTimerAsync(bool pastDue = false)
    {
        await App.Services.GetRequiredService<TriggerFunctions>().Timer(QuarterlyReviewTimerFunction.FunctionName)
            .RunAsync(new TimerInvocation(Guid.NewGuid().ToString(), pastDue, null, null), Ct);
        await DrainAsync();
    }

    /// <summary>Runs the sweep and delivers work until nothing is left.</summary>
    public async Task DrainAsync()
    {
        do
        {
            await App.SweepAsync();
        }
        while (await App.DeliverWorkAsync() > 0);
    }

    public async Task<QuarterReviewsView> QuarterAsync(string quarter = Quarter) =>
        await App.ReadAsync<QuarterReviewsView>(await App.AdminClient().GetAsync($"/api/reviews/quarters/{quarter}", Ct));

    public async Task<ReviewView> ReviewAsync(string accountId, string quarter = Quarter) =>
        await App.ReadAsync<ReviewView>(await People.As(Kam).GetAsync($"/api/reviews/quarters/{quarter}/accounts/{accountId}", Ct));

    public static string InstanceIdOf(string accountId, string quarter = Quarter) =>
        InstanceIds.For(QuarterlyReviewDefinition.DefinitionName, QuarterlyReviewDefinition.BusinessKeyOf(accountId, quarter));

    public async Task<ProcessInstance> InstanceAsync(string accountId) =>
        (await App.Services.GetRequiredService<InstanceStore>().LoadAsync(InstanceIdOf(accountId), Ct))!.Instance;

    /// <summary>The tasks of <paramref name="user"/> (open or not) of one kind.</summary>
    public async Task<IReadOnlyList<WorkTask>> TasksAsync(User user, string kind)
    {
        var tasks = new List<WorkTask>();
        foreach (var when in new[] { "Overdue", "Today", "Upcoming" })
        {
            var page = await App.ReadAsync<PagedTasks>(await People.As(user).GetAsync($"/api/me/tasks?when={when}&pageSize=100", Ct));
            tasks.AddRange(page.Items.Select(v => v.Task).Where(t => t.Kind == kind));
        }

        return tasks;
    }

    /// <summary>The emails to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<IReadOnlyList<MailboxMessage>> MailsAsync(User to, string subject) =>
        [.. (await App.Services.GetRequiredService<DevelopmentMailbox>().ListAsync(1000, Ct))
            .Where(m => string.Equals(m.To, to.Email, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subject, StringComparison.Ordinal))];

    public async Task<string> BodyAsync(MailboxMessage message) =>
        (await App.Services.GetRequiredService<DevelopmentMailbox>().BodyAsync(message.Id, Ct))!.Value.Text;

    public ValueTask DisposeAsync() => App.DisposeAsync();

    internal sealed record PagedTasks(IReadOnlyList<TaskView> Items, string? ContinuationToken);
}
