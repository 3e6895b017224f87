using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.Domain.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KamFlows.App.Features.BusinessUnits;

/// <summary>Business units: everyone reads them (they name who approves and who is escalated to); administrators change them.</summary>
public static class BusinessUnitsApi
{
    public static IEndpointRouteBuilder MapBusinessUnitsApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("api/business-units").WithTags("Business units");
        units.MapGet("", List).WithName("ListBusinessUnits").WithSummary("Lists the business units.");
        units.MapGet("{code}", Get).WithName("GetBusinessUnit").WithSummary("Reads one business unit, with its ETag.");
        units.MapPost("", Create).RequireAuthorization(Policies.Admin).WithName("CreateBusinessUnit").WithSummary("Creates a business unit.");
        units.MapPut("{code}", Update).RequireAuthorization(Policies.Admin).WithName("UpdateBusinessUnit")
            .WithSummary("Changes a business unit (If-Match required; the code cannot change).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<BusinessUnit>>> List(BusinessUnitCatalog units, CancellationToken ct) =>
        TypedResults.Ok(await units.ListAsync(ct));

    private static async Task<Results<Ok<BusinessUnit>, NotFound>> Get(string code, BusinessUnitCatalog units, HttpResponse response, CancellationToken ct)
    {
        if (await units.FindAsync(code, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        Preconditions.SetETag(response, found.ETag);
        return TypedResults.Ok(found.Value);
    }

    private static async Task<Results<Created<BusinessUnit>, ValidationProblem, Conflict<ProblemDetails>>> Create(
        BusinessUnitInput input, BusinessUnitCatalog units, UserDirectory users, HttpResponse response, CancellationToken ct)
    {
        if (await CheckPeople(input, users, ct) is { } problem)
        {
            return problem;
        }

        var unit = input.ToBusinessUnit();
        try
        {
            Preconditions.SetETag(response, await units.CreateAsync(unit, ct));
            return TypedResults.Created($"/api/business-units/{unit.Code}", unit);
        }
        catch (BusinessUnitExistsException)
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Business unit exists",
                Detail = $"There is already a business unit '{unit.Code}'; change it with PUT.",
            });
        }
    }

    private static async Task<Results<Ok<BusinessUnit>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        string code, BusinessUnitInput input, HttpRequest request, BusinessUnitCatalog units, UserDirectory users, CancellationToken ct)
    {
        if (!Preconditions.TryGetIfMatch(request, out var ifMatch))
        {
            return Preconditions.IfMatchRequired();
        }

        if (input.Code != code)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["The code in the body must be the code in the path."] });
        }

        if (await units.FindAsync(code, ct) is null)
        {
            return TypedResults.NotFound();
        }

        if (await CheckPeople(input, users, ct) is { } problem)
        {
            return problem;
        }

        var unit = input.ToBusinessUnit();
        try
        {
            Preconditions.SetETag(request.HttpContext.Response, await units.UpdateAsync(unit, ifMatch, ct));
            return TypedResults.Ok(unit);
        }
        catch (ConcurrencyConflictException)
        {
            return Preconditions.Stale();
        }
    }

    /// <summary>The head of KAM must be an active head of KAM, the directors active directors: escalations and approvals go to them.</summary>
    private static async Task<ValidationProblem?> CheckPeople(BusinessUnitInput input, UserDirectory users, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        await Check("headOfKamUserId", input.HeadOfKamUserId, Role.HeadOfKam);
        await Check("directorUserId", input.DirectorUserId, Role.Director);
        await Check("alternateDirectorUserId", input.AlternateDirectorUserId, Role.Director);
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);

        async Task Check(string field, string? userId, Role role)
        {
            if (string.IsNullOrWhiteSpace(userId))
            {
                return;
            }

            var user = (await users.FindAsync(userId, ct))?.Value;
            if (user is null || !user.Active)
            {
                errors[field] = [$"There is no active user '{userId}'."];
            }
            else if (!user.HasRole(role))
            {
                errors[field] = [$"User '{userId}' does not have the role {role}."];
            }
        }
    }
}
