using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using KamFlows.App.Features.Users;
using KamFlows.App.Security;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Approvals.Delegations;

/// <summary>
/// My delegation: a director or head of KAM hands their approvals to another director or head of KAM
/// for a date range. New requests go to the delegate while it is active; pending ones are re-routed
/// when it starts and when it ends or is removed.
/// </summary>
public static class DelegationsApi
{
    public static IEndpointRouteBuilder MapDelegationsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("api/me/delegation").WithTags("Approvals");
        me.MapGet("", Get).WithName("GetMyDelegation").WithSummary("My delegation of approvals, if I have set one.");
        me.MapPut("", Put).WithName("SetMyDelegation")
            .WithSummary("Hands my approvals to another active director or head of KAM from 'from' until 'until'; pending requests are re-routed while it is active.");
        me.MapDelete("", Delete).WithName("RemoveMyDelegation").WithSummary("Ends my delegation now: pending requests come back to me.");
        return app;
    }

    public sealed record DelegationInput(
        [property: Required, StringLength(128, MinimumLength = 1)] string? DelegateUserId,
        [property: Required] DateTimeOffset? From,
        [property: Required] DateTimeOffset? Until);

    public sealed record DelegationView(string DelegateUserId, DateTimeOffset From, DateTimeOffset Until, bool Active);

    private static async Task<Results<Ok<DelegationView>, NotFound, ProblemHttpResult>> Get(
        ClaimsPrincipal principal, DelegationStore delegations, TimeProvider clock, CancellationToken ct)
    {
        if (Director(principal) is not { } me)
        {
            return NotADirector();
        }

        return await delegations.FindAsync(me, ct) is { IsSet: true } d ? TypedResults.Ok(View(d, clock)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<DelegationView>, ValidationProblem, ProblemHttpResult>> Put(
        DelegationInput input, ClaimsPrincipal principal, DelegationStore delegations, DelegationRerouting rerouting,
        UserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        if (Director(principal) is not { } me)
        {
            return NotADirector();
        }

        var errors = new Dictionary<string, string[]>();
        var delegateId = input.DelegateUserId!;
        if (DelegationRule.Check(delegateId, me, requesterUserId: null) is DelegationRefusal.DelegateIsTheApprover)
        {
            errors["delegateUserId"] = ["You cannot delegate to yourself."];
        }
        else if ((await users.FindAsync(delegateId, ct))?.Value is not { Active: true } delegateUser
            || !(delegateUser.HasRole(Role.Director) || delegateUser.HasRole(Role.HeadOfKam)))
        {
            errors["delegateUserId"] = [$"There is no active director or head of KAM '{delegateId}'."];
        }

        var now = clock.GetUtcNow();
        if (input.From >= input.Until)
        {
            errors["until"] = ["The delegation ends after it starts."];
        }
        else if (input.Until <= now)
        {
            errors["until"] = ["The delegation must end in the future."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        DirectorDelegation saved;
        try
        {
            saved = await delegations.SaveAsync(me, delegateId, input.From, input.Until, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return Conflict();
        }

        await rerouting.ScheduleAsync(saved, ct);
        await rerouting.RerouteAsync(me, ct);
        return TypedResults.Ok(View(saved, clock));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        ClaimsPrincipal principal, DelegationStore delegations, DelegationRerouting rerouting, CancellationToken ct)
    {
        if (Director(principal) is not { } me)
        {
            return NotADirector();
        }

        if (await delegations.FindAsync(me, ct) is { IsSet: true })
        {
            try
            {
                await delegations.SaveAsync(me, null, null, null, ct);
            }
            catch (ConcurrencyConflictException)
            {
                return Conflict();
            }

            await rerouting.RerouteAsync(me, ct);
        }

        return TypedResults.NoContent();
    }

    private static string? Director(ClaimsPrincipal principal) =>
        principal.Has(Role.Director) || principal.Has(Role.HeadOfKam) ? principal.KamFlowsUserId() : null;

    private static DelegationView View(DirectorDelegation d, TimeProvider clock) =>
        new(d.DelegateUserId!, d.From!.Value, d.Until!.Value, d.DelegateAt(clock.GetUtcNow()) is not null);

    private static ProblemHttpResult NotADirector() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not an approver",
        detail: "Only a director or a head of KAM with a user record delegates their approvals.");

    private static ProblemHttpResult Conflict() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile",
        detail: "Your delegation changed while this request was handled. Read it and try again.");
}
