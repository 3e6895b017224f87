using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using KamFlows.App.Engine;
using KamFlows.App.Features.Processes;
using KamFlows.App.Security;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Processes.EngineCheck;

namespace KamFlows.App.Features.Operations;

/// <summary>
/// The engine check, an administrator's smoke test of the process engine (after a deployment, say):
/// start one, send it events through <c>POST /api/processes/{id}/events</c>, and read back what it
/// received and how often each of its effects was performed.
/// </summary>
public static class EngineChecksApi
{
    public static IEndpointRouteBuilder MapEngineChecksApi(this IEndpointRouteBuilder app)
    {
        var checks = app.MapGroup("api/admin/engine-checks").WithTags("Operations").RequireAuthorization(Policies.Admin);
        checks.MapPost("", Start).WithName("StartEngineCheck")
            .WithSummary("Starts an engine check (idempotent by key); its status is at the Location given.");
        checks.MapGet("{id}", Get).WithName("GetEngineCheck")
            .WithSummary("What an engine check received (pings, wake-ups, children), what is pending, and each effect's performances.");
        checks.MapGet("{id}/performances", Performances).WithName("GetEngineCheckPerformances")
            .WithSummary("How many times each effect of an engine check was performed, by effect id.");
        return app;
    }

    public sealed record EngineCheckInput([property: Required, StringLength(200, MinimumLength = 1)] string? Key);

    public sealed record EngineCheckStarted(string Id, bool Created);

    public sealed record EngineCheckReport(
        string Id,
        ProcessStatus Status,
        string Step,
        IReadOnlyList<int> Pings,
        int WakeUps,
        IReadOnlyList<string> Children,
        IReadOnlyList<string> ChildOutcomes,
        IReadOnlyList<string> PendingEffects,
        IReadOnlyList<PendingWakeUp> PendingWakeUps,
        IReadOnlyDictionary<string, int> Performances);

    private static async Task<Accepted<EngineCheckStarted>> Start(EngineCheckInput input, ClaimsPrincipal user, ProcessEngine engine, CancellationToken ct)
    {
        var started = await engine.StartAsync(
            new StartRequest(EngineCheckDefinition.DefinitionName, input.Key!, new EngineCheckCommand.Begin(),
                new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, PartyCalendar>()),
            ProcessesApi.SenderOf(user),
            ct);
        return TypedResults.Accepted($"/api/processes/{started.InstanceId}", new EngineCheckStarted(started.InstanceId, started.Created));
    }

    private static async Task<Results<Ok<EngineCheckReport>, NotFound>> Get(
        string id, InstanceStore store, EngineCheckPerformances performances, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { Instance: { Definition: EngineCheckDefinition.DefinitionName } instance })
        {
            return TypedResults.NotFound();
        }

        var state = EngineCheckDefinition.ReadState(instance.StateJson);
        return TypedResults.Ok(new EngineCheckReport(
            instance.Id, instance.Status, instance.Step, state.Pings, state.WakeUps, state.Children, state.ChildOutcomes,
            instance.Outbox.Select(e => e.Id).ToList(), instance.WakeUps, await performances.CountAsync(id, ct)));
    }

    private static async Task<Results<Ok<IReadOnlyDictionary<string, int>>, NotFound>> Performances(
        string id, InstanceStore store, EngineCheckPerformances performances, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { Instance.Definition: EngineCheckDefinition.DefinitionName })
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await performances.CountAsync(id, ct));
    }
}
