using System.Security.Claims;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Http;
using KamFlows.App.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KamFlows.App.Features.Users;

/// <summary>The people of KamFlows: administrators manage them, heads of KAM read them, everyone reads themself.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/me", GetMe).WithName("GetMe").WithSummary("Who I am in KamFlows: my user record and roles.").WithTags("Users");

        var users = app.MapGroup("api/users").WithTags("Users");
        users.MapGet("", List).RequireAuthorization(Policies.PeopleReaders).WithName("ListUsers").WithSummary("Lists users, a page at a time.");
        users.MapGet("{id}", Get).RequireAuthorization(Policies.PeopleReaders).WithName("GetUser").WithSummary("Reads one user, with its ETag.");
        users.MapPost("", Create).RequireAuthorization(Policies.Admin).WithName("CreateUser").WithSummary("Creates a user.");
        users.MapPut("{id}", Update).RequireAuthorization(Policies.Admin).WithName("UpdateUser").WithSummary("Changes a user (If-Match required).");
        users.MapPost("{id}/deactivate", Deactivate).RequireAuthorization(Policies.Admin).WithName("DeactivateUser")
            .WithSummary("Deactivates a user; refused while they still head, approve for or own something.");
        users.MapPost("{id}/activate", Activate).RequireAuthorization(Policies.Admin).WithName("ActivateUser").WithSummary("Re-activates a user.");
        return app;
    }

    public sealed record MyProfile(string Email, User? User, IReadOnlyList<string> Roles);

    private static async Task<Ok<MyProfile>> GetMe(ClaimsPrincipal principal, UserDirectory users, CancellationToken ct)
    {
        var id = principal.KamFlowsUserId();
        var user = id is null ? null : (await users.FindAsync(id, ct))?.Value;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().Order().ToList();
        return TypedResults.Ok(new MyProfile(principal.SignInEmail() ?? "", user, roles));
    }

    private static async Task<Ok<PagedList<User>>> List(UserDirectory users, string? continuationToken, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await users.ListAsync(continuationToken, Paging.Size(pageSize), ct));

    private static async Task<Results<Ok<User>, NotFound>> Get(string id, UserDirectory users, HttpResponse response, CancellationToken ct)
    {
        if (await users.FindAsync(id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        Preconditions.SetETag(response, found.ETag);
        return TypedResults.Ok(found.Value);
    }

    private static async Task<Results<Created<User>, ValidationProblem, Conflict<ProblemDetails>>> Create(
        UserInput input, UserDirectory users, BusinessUnitCatalog units, HttpResponse response, CancellationToken ct)
    {
        if (await UnknownBusinessUnit(input, units, ct) is { } problem)
        {
            return problem;
        }

        try
        {
            var created = await users.CreateAsync(input.ToUser(Guid.NewGuid().ToString("N"), active: true), ct);
            Preconditions.SetETag(response, created.ETag);
            return TypedResults.Created($"/api/users/{created.Value.Id}", created.Value);
        }
        catch (EmailTakenException)
        {
            return EmailTaken();
        }
    }

    private static async Task<Results<Ok<User>, NotFound, ValidationProblem, ProblemHttpResult, Conflict<ProblemDetails>>> Update(
        string id, UserInput input, HttpRequest request, UserDirectory users, BusinessUnitCatalog units, CancellationToken ct)
    {
        if (!Preconditions.TryGetIfMatch(request, out var ifMatch))
        {
            return Preconditions.IfMatchRequired();
        }

        if (await users.FindAsync(id, ct) is not { } current)
        {
            return TypedResults.NotFound();
        }

        if (await UnknownBusinessUnit(input, units, ct) is { } problem)
        {
            return problem;
        }

        var changed = input.ToUser(id, current.Value.Active).KeepingBounceOf(current.Value);
        try
        {
            var etag = await users.UpdateAsync(current.Value, changed, ifMatch, ct);
            Preconditions.SetETag(request.HttpContext.Response, etag);
            return TypedResults.Ok(changed);
        }
        catch (ConcurrencyConflictException)
        {
            return Preconditions.Stale();
        }
        catch (EmailTakenException)
        {
            return EmailTaken();
        }
    }

    private static async Task<Results<Ok<User>, NotFound, Conflict<ProblemDetails>>> Deactivate(
        string id, UserDirectory users, UserReferences references, HttpResponse response, CancellationToken ct)
    {
        if (await users.FindAsync(id, ct) is not { } current)
        {
            return TypedResults.NotFound();
        }

        var holds = await references.FindAsync(id, ct);
        if (holds.Count > 0)
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Still responsible for something",
                Detail = $"Re-assign first: this user is {string.Join("; ", holds)}.",
            });
        }

        return await SetActive(current, false, users, response, ct);
    }

    private static async Task<Results<Ok<User>, NotFound, Conflict<ProblemDetails>>> Activate(
        string id, UserDirectory users, HttpResponse response, CancellationToken ct) =>
        await users.FindAsync(id, ct) is { } current ? await SetActive(current, true, users, response, ct) : TypedResults.NotFound();

    private static async Task<Results<Ok<User>, NotFound, Conflict<ProblemDetails>>> SetActive(
        Versioned<User> current, bool active, UserDirectory users, HttpResponse response, CancellationToken ct)
    {
        var changed = current.Value with { Active = active };
        try
        {
            Preconditions.SetETag(response, await users.UpdateAsync(current.Value, changed, current.ETag, ct));
            return TypedResults.Ok(changed);
        }
        catch (ConcurrencyConflictException)
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Changed meanwhile",
                Detail = "The user changed while this request ran; send it again.",
            });
        }
    }

    private static async Task<ValidationProblem?> UnknownBusinessUnit(UserInput input, BusinessUnitCatalog units, CancellationToken ct) =>
        !string.IsNullOrWhiteSpace(input.BusinessUnit) && await units.FindAsync(input.BusinessUnit, ct) is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["businessUnit"] = [$"There is no business unit '{input.BusinessUnit}'."],
            })
            : null;

    private static Conflict<ProblemDetails> EmailTaken() => TypedResults.Conflict(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Email taken",
        Detail = "Another user already signs in with this email.",
    });
}
