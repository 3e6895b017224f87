using System.Security.Claims;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.Domain.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KamFlows.App.Features.Accounts;

/// <summary>Key accounts: a KAM keeps his team's, heads of KAM and administrators all, directors read all (see <see cref="AccountAccess"/>).</summary>
public static partial class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("api/accounts").WithTags("Accounts");
        accounts.MapGet("", List).WithName("ListAccounts")
            .WithSummary("Lists accounts a page at a time: a KAM his team's, heads of KAM, administrators and directors all. Filters: owner, status.");
        accounts.MapPost("", Create).WithName("CreateAccount").WithSummary("Creates an account (a KAM only for his own team).");
        accounts.MapGet("{id}", Get).WithName("GetAccount").WithSummary("Reads one account, with its ETag.");
        accounts.MapPut("{id}", Update).WithName("UpdateAccount")
            .WithSummary("Changes an account (If-Match required). The owner changes only by re-assignment.");
        accounts.MapPost("{id}/archive", Archive).WithName("ArchiveAccount").WithSummary("Archives an account (If-Match required).");
        accounts.MapPost("{id}/reassign", Reassign).RequireAuthorization(Policies.AccountReassigners).WithName("ReassignAccount")
            .WithSummary("Hands an account to another KAM (heads of KAM and administrators; If-Match required).");
        return app;
    }

    private static async Task<Ok<PagedList<Account>>> List(
        ClaimsPrincipal principal, AccountStore accounts, string? owner, AccountStatus? status, string? continuationToken, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ListAsync(AccountAccess.ListScope(principal), owner, status, continuationToken, Paging.Size(pageSize), ct));

    private static async Task<Results<Ok<Account>, NotFound>> Get(string id, ClaimsPrincipal principal, AccountAccess access, HttpResponse response, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        Preconditions.SetETag(response, grant.Account.ETag);
        return TypedResults.Ok(grant.Account.Value);
    }

    private static async Task<Results<Created<Account>, ValidationProblem, ForbidHttpResult>> Create(
        AccountInput input, ClaimsPrincipal principal, AccountStore accounts, AccountStaffing staffing, TimeProvider clock,
        HttpResponse response, ILogger<Account> logger, CancellationToken ct)
    {
        var (approvers, errors) = await staffing.CheckAsync(input, ct);
        if (approvers is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var account = input.ToAccount(Guid.NewGuid().ToString("N"), approvers.DirectorUserId, approvers.AlternateDirectorUserId, null, clock.GetUtcNow());
        if (!AccountAccess.MayCreate(principal, account))
        {
            return TypedResults.Forbid();
        }

        Preconditions.SetETag(response, await accounts.CreateAsync(account, ct));
        LogCreated(logger, account.Id, account.BusinessUnit);
        return TypedResults.Created($"/api/accounts/{account.Id}", account);
    }

    private static async Task<Results<Ok<Account>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        string id, AccountInput input, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, AccountStore accounts,
        AccountStaffing staffing, TimeProvider clock, CancellationToken ct)
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

        var current = grant.Account.Value;
        if (input.OwnerUserId != current.OwnerUserId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["ownerUserId"] = [$"The owner changes only by re-assignment: POST /api/accounts/{id}/reassign."],
            });
        }

        if (input.Stage != current.Stage)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["stage"] = [$"The stage changes only by a move, which keeps its history and starts its playbook: POST /api/accounts/{id}/stage."],
            });
        }

        if (current.Status == AccountStatus.Archived)
        {
            return Archived();
        }

        var (approvers, errors) = await staffing.CheckAsync(input, ct);
        if (approvers is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var changed = input.ToAccount(id, approvers.DirectorUserId, approvers.AlternateDirectorUserId, current, clock.GetUtcNow());
        try
        {
            Preconditions.SetETag(request.HttpContext.Response, await accounts.UpdateAsync(current, changed, ifMatch, ct));
            return TypedResults.Ok(changed);
        }
        catch (ConcurrencyConflictException)
        {
            return Preconditions.Stale();
        }
    }

    private static async Task<Results<Ok<Account>, NotFound, ProblemHttpResult, ForbidHttpResult>> Archive(
        string id, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, AccountStore accounts, TimeProvider clock, CancellationToken ct)
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

        var current = grant.Account.Value;
        var changed = current.Status == AccountStatus.Archived ? current : current with { Status = AccountStatus.Archived, ArchivedAt = clock.GetUtcNow() };
        try
        {
            Preconditions.SetETag(request.HttpContext.Response, await accounts.UpdateAsync(current, changed, ifMatch, ct));
            return TypedResults.Ok(changed);
        }
        catch (ConcurrencyConflictException)
        {
            return Preconditions.Stale();
        }
    }

    private static async Task<Results<Ok<Account>, NotFound, ValidationProblem, ProblemHttpResult>> Reassign(
        string id, ReassignInput input, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, AccountStore accounts,
        AccountStaffing staffing, IEnumerable<IAccountReassignmentListener> listeners, TimeProvider clock, ILogger<Account> logger, CancellationToken ct)
    {
        if (!Preconditions.TryGetIfMatch(request, out var ifMatch))
        {
            return Preconditions.IfMatchRequired();
        }

        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        var current = grant.Account.Value;
        if (current.Status == AccountStatus.Archived)
        {
            return Archived();
        }

        if (input.NewOwnerUserId == current.OwnerUserId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newOwnerUserId"] = ["This KAM owns the account already."] });
        }

        if (await staffing.CheckKamAsync(input.NewOwnerUserId!, ct) is { } wrong)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newOwnerUserId"] = [wrong] });
        }

        // The new owner leaves the co-KAMs if he was one; the previous owner leaves the team.
        var changed = current with
        {
            OwnerUserId = input.NewOwnerUserId!,
            CoKamUserIds = [.. current.CoKamUserIds.Where(u => u != input.NewOwnerUserId)],
        };
        try
        {
            Preconditions.SetETag(request.HttpContext.Response, await accounts.UpdateAsync(current, changed, ifMatch, ct));
        }
        catch (ConcurrencyConflictException)
        {
            return Preconditions.Stale();
        }

        LogReassigned(logger, id, current.OwnerUserId, changed.OwnerUserId);
        var reassigned = new AccountReassigned(id, current.OwnerUserId, changed.OwnerUserId, input.Reason!.Trim(), principal.KamFlowsUserId(), clock.GetUtcNow());
        foreach (var listener in listeners)
        {
            // Stored already: a listener that fails must not undo it nor keep the others from hearing.
            try
            {
                await listener.OnReassignedAsync(reassigned, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogListenerFailed(logger, e, listener.GetType().Name, id);
            }
        }

        return TypedResults.Ok(changed);
    }

    private static ProblemHttpResult Archived() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Account archived",
        detail: "An archived account is kept for the record and no longer changed.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} created in business unit {BusinessUnit}")]
    private static partial void LogCreated(ILogger logger, string accountId, string businessUnit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} re-assigned from user {FromUserId} to user {ToUserId}")]
    private static partial void LogReassigned(ILogger logger, string accountId, string fromUserId, string toUserId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-assignment listener {Listener} failed for account {AccountId}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string listener, string accountId);
}
