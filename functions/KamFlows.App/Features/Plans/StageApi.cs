using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Plans;

/// <summary>
/// The relationship stage of an account (Pre-KAM to Synergistic-KAM, Uncoupling-KAM): moved here
/// only, so every move is in the history and gives the owner the stage's playbook tasks.
/// </summary>
public static class StageApi
{
    public static IEndpointRouteBuilder MapStageApi(this IEndpointRouteBuilder app)
    {
        var stage = app.MapGroup("api/accounts/{id}/stage").WithTags("Relationship stage");
        stage.MapPost("", Move).WithName("MoveAccountStage")
            .WithSummary("Moves the account to another relationship stage (If-Match: the account's ETag); the owner gets the stage's playbook tasks.");
        stage.MapGet("history", History).WithName("GetAccountStageHistory").WithSummary("The account's stage and its moves, oldest first.");
        return app;
    }

    private static async Task<Results<Ok<StageMoved>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Move(
        string id, StageInput input, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, StageMoves moves, CancellationToken ct)
    {
        if (!Preconditions.TryGetIfMatch(request, out var ifMatch))
        {
            return Preconditions.IfMatchRequired();
        }

        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        var account = grant.Account.Value;
        if (account.Status == AccountStatus.Archived)
        {
            return PlansApi.Archived();
        }

        if (input.Stage == account.Stage)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stage"] = [$"The account is in the stage {account.Stage} already."] });
        }

        try
        {
            var (moved, etag, move) = await moves.MoveAsync(account, input.Stage!.Value, input.Reason!.Trim(), ifMatch, PlansApi.Who(principal), ct);
            Preconditions.SetETag(request.HttpContext.Response, etag);
            return TypedResults.Ok(new StageMoved(moved, move));
        }
        catch (ConcurrencyConflictException)
        {
            return Preconditions.Stale();
        }
    }

    private static async Task<Results<Ok<StageHistory>, NotFound>> History(string id, ClaimsPrincipal principal, AccountAccess access, StageMoves moves, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant
            ? TypedResults.Ok(new StageHistory(grant.Id, grant.Account.Value.Stage, await moves.HistoryAsync(grant.Id, ct)))
            : TypedResults.NotFound();
}
