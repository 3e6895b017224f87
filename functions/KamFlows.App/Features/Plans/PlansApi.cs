using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Plans;
using ETag = Azure.ETag;

namespace KamFlows.App.Features.Plans;

/// <summary>
/// An account's plan: the draft (read and written whole, If-Match), goals with progress, the diff
/// against the last approved version, frozen versions (JSON or HTML) and the decision on them, and
/// the task requests the plan makes. Who may: <see cref="AccountAccess"/> (the team and heads of KAM
/// change, directors read), deciding by the <see cref="Policies.PlanApprovers"/>.
/// </summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("api/accounts/{id}/plan").WithTags("Plans");
        plan.MapGet("", Get).WithName("GetPlan").WithSummary("Reads the plan's draft, with its ETag, and where its versions stand.");
        plan.MapPut("", Save).WithName("SavePlan")
            .WithSummary("Writes the whole draft (If-Match once it exists); its actions become task requests of their owners.");
        plan.MapGet("goals", Goals).WithName("GetPlanGoals").WithSummary("The draft's goals with progress rolled up from actions and milestones, and behind flags.");
        plan.MapGet("diff", Diff).WithName("GetPlanDiff").WithSummary("The draft against the last approved version, section by section.");
        plan.MapPost("submit", Submit).WithName("SubmitPlan").WithSummary("Freezes the draft read at If-Match as the next version, waiting for a decision.");
        plan.MapGet("versions", Versions).WithName("ListPlanVersions").WithSummary("The plan's versions, newest first, without content.");
        plan.MapGet("versions/{number}", Version).WithName("GetPlanVersion").WithSummary("One frozen version as JSON.");
        plan.MapGet("versions/{number}/html", VersionHtml).WithName("GetPlanVersionHtml")
            .WithSummary("One frozen version as an HTML page; contacts by their current name, erased ones as [erased].");
        plan.MapPut("versions/{number}", ChangeVersion).WithName("ChangePlanVersion")
            .WithSummary("Always refused (409): a submitted version never changes. Change the draft and submit again.");
        plan.MapPost("versions/{number}/decision", Decide).RequireAuthorization(Policies.PlanApprovers).WithName("DecidePlanVersion")
            .WithSummary("Approves or rejects a submitted version (directors, heads of KAM, administrators; not the submitter).");
        plan.MapPost("actions/{actionId}/complete", CompleteAction).WithName("CompletePlanAction")
            .WithSummary("Marks an action of the draft done (what completing its task does).");
        plan.MapGet("tasks", Tasks).WithName("ListPlanTaskRequests").WithSummary("The task requests of the plan's actions and of stage playbooks.");
        return app;
    }

    private static async Task<Results<Ok<PlanView>, NotFound>> Get(string id, ClaimsPrincipal principal, AccountAccess access, PlanService plans, HttpResponse response, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || (await plans.ReadAsync(grant.Id, ct)) is not { Draft: { } draft } state)
        {
            return TypedResults.NotFound();
        }

        Preconditions.SetETag(response, draft.ETag);
        return TypedResults.Ok(PlanView.Of(grant.Id, draft.Value, state.Head?.Value));
    }

    private static async Task<Results<Ok<PlanView>, Created<PlanView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Save(
        string id, PlanInput input, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, PlanService plans, CancellationToken ct)
    {
        ETag? ifMatch = Preconditions.TryGetIfMatch(request, out var etag) ? etag : null;
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        if (grant.Account.Value.Status == AccountStatus.Archived)
        {
            return Archived();
        }

        var plan = input.ToPlan();
        if (await plans.CheckAsync(grant.Account.Value, plan, ct) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        var (outcome, saved) = await plans.SaveDraftAsync(grant.Id, plan, ifMatch, Who(principal), ct);
        switch (outcome)
        {
            case PlanOutcome.IfMatchRequired:
                return Preconditions.IfMatchRequired();
            case PlanOutcome.Stale:
                return Preconditions.Stale();
        }

        Preconditions.SetETag(request.HttpContext.Response, saved!.ETag);
        var state = await plans.ReadAsync(grant.Id, ct);
        var view = PlanView.Of(grant.Id, saved.Value, state.Head?.Value);
        return ifMatch is null ? TypedResults.Created($"/api/accounts/{grant.Id}/plan", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<GoalsView>, NotFound>> Goals(string id, ClaimsPrincipal principal, AccountAccess access, PlanService plans, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || (await plans.ReadAsync(grant.Id, ct)).Draft is not { } draft)
        {
            return TypedResults.NotFound();
        }

        var today = WallClock.DateOf(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(grant.Account.Value.TimeZone));
        return TypedResults.Ok(new GoalsView(grant.Id, today, PlanProgress.Of(draft.Value.Plan, today)));
    }

    private static async Task<Results<Ok<PlanDiffView>, NotFound>> Diff(string id, ClaimsPrincipal principal, AccountAccess access, PlanService plans, PlanStore store, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || (await plans.ReadAsync(grant.Id, ct)) is not { Draft: { } draft } state)
        {
            return TypedResults.NotFound();
        }

        var approvedNumber = state.Head?.Value.LastApprovedVersion;
        var approved = approvedNumber is { } n ? (await store.FindVersionAsync(grant.Id, n, ct))?.Value.Plan : null;
        return TypedResults.Ok(new PlanDiffView(grant.Id, approvedNumber, draft.Value.Revision, PlanDiff.Between(approved, draft.Value.Plan)));
    }

    private static async Task<Results<Created<PlanVersionSummary>, NotFound, ForbidHttpResult, ProblemHttpResult>> Submit(
        string id, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, PlanService plans, CancellationToken ct)
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

        if (grant.Account.Value.Status == AccountStatus.Archived)
        {
            return Archived();
        }

        var (outcome, version) = await plans.SubmitAsync(grant.Id, ifMatch, Who(principal), ct);
        return outcome switch
        {
            PlanOutcome.Done => TypedResults.Created($"/api/accounts/{grant.Id}/plan/versions/{version!.Number}", version.Summary()),
            PlanOutcome.NotFound => TypedResults.NotFound(),
            PlanOutcome.Stale => Preconditions.Stale(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Submitted at the same time", detail: "Another version was submitted at the same moment. Read the plan again."),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<PlanVersionSummary>>, NotFound>> Versions(string id, ClaimsPrincipal principal, AccountAccess access, PlanStore store, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant ? TypedResults.Ok(await store.ListVersionsAsync(grant.Id, ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<PlanVersion>, NotFound>> Version(string id, string number, ClaimsPrincipal principal, AccountAccess access, PlanStore store, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant && await store.FindVersionAsync(grant.Id, VersionNumber(number), ct) is { } version
            ? TypedResults.Ok(version.Value)
            : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> VersionHtml(
        string id, string number, ClaimsPrincipal principal, AccountAccess access, PlanStore store, ContactStore contacts, UserDirectory users, HttpResponse response, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await store.FindVersionAsync(grant.Id, VersionNumber(number), ct) is not { } version)
        {
            return TypedResults.NotFound();
        }

        var people = await contacts.AllAsync(grant.Id, ct);
        var userIds = version.Value.Plan.Actions().Select(a => a.OwnerUserId)
            .Append(version.Value.SubmittedByUserId).Append(version.Value.DecidedByUserId).OfType<string>().Distinct(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var userId in userIds)
        {
            if ((await users.FindAsync(userId, ct))?.Value is { } user)
            {
                names[userId] = user.DisplayName;
            }
        }

        // The page is data, never a document that runs anything or is framed.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        var html = PlanHtml.Render(grant.Account.Value.Name, version.Value, people.ToDictionary(p => p.Key, p => p.Value.Erased ? Erased.Marker : p.Value.Name), names);
        return TypedResults.Text(html, "text/html; charset=utf-8");
    }

    private static async Task<Results<NotFound, ProblemHttpResult>> ChangeVersion(string id, string number, PlanInput input, ClaimsPrincipal principal, AccountAccess access, PlanStore store, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await store.FindVersionAsync(grant.Id, VersionNumber(number), ct) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "A submitted version never changes",
            detail: $"Version {number} is frozen. Change the draft (PUT /api/accounts/{grant.Id}/plan) and submit it as a new version.");
    }

    private static async Task<Results<Ok<PlanVersion>, NotFound, ForbidHttpResult, ProblemHttpResult>> Decide(
        string id, string number, DecisionInput input, ClaimsPrincipal principal, AccountAccess access, PlanService plans, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        var (outcome, version) = await plans.DecideAsync(grant.Id, VersionNumber(number), input.Approved!.Value, input.Comment, Who(principal), ct);
        return outcome switch
        {
            PlanOutcome.Done => TypedResults.Ok(version!),
            PlanOutcome.NotFound => TypedResults.NotFound(),
            PlanOutcome.NotAllowed => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your own submission", detail: "Someone other than the submitter decides on a version."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Not waiting for a decision",
                detail: $"Version {number} is {version?.Status.ToString().ToLowerInvariant()}: only a submitted version is approved or rejected, once."),
        };
    }

    private static async Task<Results<Ok<PlanView>, NotFound, ForbidHttpResult, ProblemHttpResult>> CompleteAction(
        string id, string actionId, ClaimsPrincipal principal, HttpResponse response, AccountAccess access, PlanService plans, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        var (outcome, saved) = await plans.CompleteActionAsync(grant.Id, actionId, Who(principal), ct);
        if (outcome == PlanOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome != PlanOutcome.Done)
        {
            return Preconditions.Stale();
        }

        Preconditions.SetETag(response, saved!.ETag);
        var state = await plans.ReadAsync(grant.Id, ct);
        return TypedResults.Ok(PlanView.Of(grant.Id, saved.Value, state.Head?.Value));
    }

    private static async Task<Results<Ok<PlanTasksView>, NotFound>> Tasks(string id, ClaimsPrincipal principal, AccountAccess access, PlanTaskOutbox outbox, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant
            ? TypedResults.Ok(new PlanTasksView(grant.Id, await outbox.ListAsync(grant.Id, ct)))
            : TypedResults.NotFound();

    /// <summary>A version number from the route; anything else names no version (0).</summary>
    private static int VersionNumber(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    internal static ProblemHttpResult Archived() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Account archived",
        detail: "An archived account is kept for the record and no longer changed.");

    // As in the dossier: a bootstrap administrator has no user record yet.
    internal static string Who(ClaimsPrincipal principal) => principal.KamFlowsUserId() ?? "bootstrap-admin";
}
