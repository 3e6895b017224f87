using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Security;
using KamFlows.Domain.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KamFlows.App.Features.Receivables;

/// <summary>The credit limit of an account, in the reporting currency; null removes it.</summary>
public sealed record CreditLimitInput(decimal? Amount);

/// <summary>
/// An account's open receivables as the ERP imports leave them, with the summary the KAM works from,
/// and its credit limit. Who may read them is <see cref="AccountAccess"/>'s to say; the credit limit
/// is set by a head of KAM or an administrator, not by the account's own team.
/// </summary>
public static class ReceivablesApi
{
    private const decimal MaxLimit = 1_000_000_000_000m;

    public static IEndpointRouteBuilder MapReceivablesApi(this IEndpointRouteBuilder app)
    {
        var receivables = app.MapGroup("api/accounts/{id}/receivables").WithTags("Receivables");
        receivables.MapGet("", Get).WithName("GetAccountReceivables")
            .WithSummary("The account's open receivables: total open, overdue and oldest overdue in the reporting currency, the credit-limit flag, and each document with its follow-up.");
        receivables.MapPut("credit-limit", SetCreditLimit).WithName("SetCreditLimit")
            .WithSummary("Sets the account's credit limit in the reporting currency (a head of KAM or an administrator); {\"amount\": null} removes it.");
        return app;
    }

    private static async Task<Results<Ok<AccountReceivablesView>, NotFound>> Get(
        string id, ClaimsPrincipal principal, AccountAccess access, ReceivablesReading reading, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant
            ? TypedResults.Ok(await reading.ViewAsync(grant.Account.Value, withSteps: true, ct))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<AccountReceivablesView>, NotFound, ForbidHttpResult, ValidationProblem>> SetCreditLimit(
        string id, CreditLimitInput input, ClaimsPrincipal principal, AccountAccess access, ReceivablesStore store, ReceivablesReading reading, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!principal.Has(Role.HeadOfKam) && !principal.Has(Role.Admin))
        {
            return TypedResults.Forbid();
        }

        if (input.Amount is < 0 or >= MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["amount"] = ["The credit limit is an amount of 0 or more, below 1,000,000,000,000, in the reporting currency; null removes it."],
            });
        }

        await store.SetCreditLimitAsync(grant.Id, input.Amount, ct);
        return TypedResults.Ok(await reading.ViewAsync(grant.Account.Value, withSteps: false, ct));
    }
}
