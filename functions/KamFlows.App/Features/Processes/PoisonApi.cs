using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.App.Work;

namespace KamFlows.App.Features.Processes;

/// <summary>The operator's view of work that failed five times, and the way to send it again.</summary>
public static class PoisonApi
{
    public static IEndpointRouteBuilder MapPoisonApi(this IEndpointRouteBuilder app)
    {
        var poison = app.MapGroup("api/admin/poison").WithTags("Operations").RequireAuthorization(Policies.Admin);
        poison.MapGet("", List).WithName("ListPoisonMessages").WithSummary("Work messages that failed five times, kept.");
        poison.MapPost("{itemId}/{messageId}/replay", Replay).WithName("ReplayPoisonMessage").WithSummary("Sends a kept work message to the work queue again.");
        return app;
    }

    private static async Task<Ok<PagedList<PoisonMessage>>> List(PoisonStore store, string? continuationToken, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(continuationToken, Paging.Size(pageSize), ct));

    private static async Task<Results<Accepted, NotFound>> Replay(string itemId, string messageId, PoisonStore store, CancellationToken ct) =>
        await store.ReplayAsync(itemId, messageId, ct) ? TypedResults.Accepted((string?)null) : TypedResults.NotFound();
}
