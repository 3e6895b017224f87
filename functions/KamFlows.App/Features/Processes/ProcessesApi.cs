using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.App.Work;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Features.Processes;

/// <summary>Every running process: where it is, its history, and the operator's levers (terminate, retry an effect, send an event).</summary>
public static class ProcessesApi
{
    public static IEndpointRouteBuilder MapProcessesApi(this IEndpointRouteBuilder app)
    {
        var processes = app.MapGroup("api/processes").WithTags("Processes");
        processes.MapGet("", List).WithName("ListProcesses")
            .WithSummary("Lists processes by definition, status, account or whom they wait on. KAMs see those waiting on them.");
        processes.MapGet("{id}", Get).WithName("GetProcess")
            .WithSummary("Where a process is: step, whom it waits on and since when, next wake-up, pending and failing effects, poison messages, children.");
        processes.MapGet("{id}/history", History).WithName("GetProcessHistory").WithSummary("The append-only history of a process (ids and names only).");
        processes.MapPost("{id}/events", SendEvent).WithName("SendProcessEvent")
            .WithSummary("Sends an event to a process, applied in this request. Who may send it depends on the event type.");
        processes.MapPost("{id}/terminate", Terminate).RequireAuthorization(Policies.Admin).WithName("TerminateProcess")
            .WithSummary("Ends a process and its children, with a reason.");
        processes.MapPost("{id}/effects/{effectId}/retry", RetryEffect).RequireAuthorization(Policies.Admin).WithName("RetryProcessEffect")
            .WithSummary("Performs a pending (failing) effect now.");
        return app;
    }

    public sealed record EventInput(
        [property: Required, StringLength(200, MinimumLength = 1)] string? EventId,
        [property: Required, JsonObject] JsonElement? Command);

    /// <summary>A command is a JSON object (its properties are the event's).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class JsonObjectAttribute() : ValidationAttribute("Command must be a JSON object.")
    {
        public override bool IsValid(object? value) => value is null || value is JsonElement { ValueKind: JsonValueKind.Object };
    }

    public sealed record TerminateInput([property: Required, StringLength(500, MinimumLength = 3)] string? Reason);

    public sealed record EventAnswer(string Outcome);

    private static bool Oversees(ClaimsPrincipal user) => Policies.OverseesProcesses(user);

    private static bool MayRead(ClaimsPrincipal user, ProcessInstance instance) =>
        Oversees(user) || (user.KamFlowsUserId() is { } me && instance.Parties.Values.Any(ids => ids.Contains(me)));

    private static async Task<Ok<PagedList<ProcessSummary>>> List(
        ClaimsPrincipal user, ProcessIndex index, string? definition, ProcessStatus? status, string? accountId, string? waitingOn,
        string? continuationToken, int? pageSize, CancellationToken ct)
    {
        // Until accounts decide who sees which account, a KAM's list is what waits on him.
        var waiting = Oversees(user) ? waitingOn : user.KamFlowsUserId() ?? "";
        var query = new ProcessListQuery(definition, status, Oversees(user) ? accountId : null, waiting);
        return TypedResults.Ok(await index.ListAsync(query, continuationToken, Paging.Size(pageSize), ct));
    }

    private static async Task<Results<Ok<ProcessView>, NotFound>> Get(string id, ClaimsPrincipal user, InstanceStore store, PoisonStore poison, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } found || !MayRead(user, found.Instance))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(ProcessView.Of(found.Instance, await poison.ForAsync(id, ct)));
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, NotFound>> History(string id, ClaimsPrincipal user, InstanceStore store, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } found || !MayRead(user, found.Instance))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await store.HistoryAsync(id, ct));
    }

    private static async Task<Results<Ok<EventAnswer>, NotFound, ValidationProblem, ProblemHttpResult>> SendEvent(
        string id, EventInput input, ClaimsPrincipal user, InstanceStore store, ProcessRegistry registry, ProcessEngine engine, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } found || !MayRead(user, found.Instance))
        {
            return TypedResults.NotFound();
        }

        object command;
        try
        {
            command = registry.Get(found.Instance.Definition, found.Instance.Version).ReadCommand(input.Command!.Value);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["command"] = [$"Not an event this process takes: {e.Message}"] });
        }

        var outcome = await engine.SendAsync(id, input.EventId!, new EngineInput.Command(command), SenderOf(user), new SendOptions(Loaded: found), ct);
        return outcome switch
        {
            SendOutcome.NotFound => TypedResults.NotFound(),
            SendOutcome.NotAllowed => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to send",
                detail: $"You may not send {command.GetType().Name} to this process."),
            _ => TypedResults.Ok(new EventAnswer(outcome.ToString())),
        };
    }

    private static async Task<Results<Ok<EventAnswer>, NotFound, Conflict<ProblemDetails>>> Terminate(
        string id, TerminateInput input, ClaimsPrincipal user, ProcessEngine engine, CancellationToken ct) =>
        await engine.TerminateAsync(id, input.Reason!, SenderOf(user), ct) switch
        {
            SendOutcome.NotFound => TypedResults.NotFound(),
            SendOutcome.Ended => TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Already ended", Detail = "The process has ended already." }),
            var outcome => TypedResults.Ok(new EventAnswer(outcome.ToString())),
        };

    private static async Task<Results<Ok<ProcessView>, NotFound>> RetryEffect(
        string id, string effectId, ProcessEngine engine, InstanceStore store, PoisonStore poison, CancellationToken ct)
    {
        if (!await engine.RetryEffectAsync(id, effectId, ct) || await store.LoadAsync(id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(ProcessView.Of(found.Instance, await poison.ForAsync(id, ct)));
    }

    internal static Sender SenderOf(ClaimsPrincipal user) => Sender.Person(
        user.KamFlowsUserId() ?? "bootstrap-admin",
        user.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? (Role?)r : null).OfType<Role>().ToList());
}
