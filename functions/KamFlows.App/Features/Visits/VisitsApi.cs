using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.App.Security;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Visits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KamFlows.App.Features.Visits;

/// <summary>
/// The KAM's week of visits and calls: planning it (also done every night by the weekly plan timer),
/// reading it by day, moving a visit, recording it; an account's visits with the missed ones, and
/// the account's own cadence.
/// </summary>
public static class VisitsApi
{
    public static IEndpointRouteBuilder MapVisitsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("api/me/week").WithTags("Visits");
        me.MapGet("", Week).WithName("GetMyWeek").WithSummary("My week (ISO week, e.g. 2026-W37; default this week): visits, calls and other tasks by day.");
        me.MapPost("plan", Plan).WithName("PlanMyWeek").WithSummary("Plans my visits and calls of a week by the cadence of my accounts (planning again creates nothing twice).");
        var visits = app.MapGroup("api/visits/{taskId}").WithTags("Visits");
        visits.MapPost("move", Move).WithName("MoveVisit").WithSummary("Moves my visit or call to another business day of my calendar.");
        visits.MapPost("record", Record).WithName("RecordVisit")
            .WithSummary("Records my visit or call: an entry of the interaction log, the contacts' last interaction, the task done.");
        var account = app.MapGroup("api/accounts/{id}").WithTags("Visits");
        account.MapGet("visits", OfAccount).WithName("ListAccountVisits").WithSummary("The account's planned, done and missed visits and calls.");
        account.MapPut("visit-cadence", SetCadence).WithName("SetVisitCadence").WithSummary("Sets the account's own cadence, over its class's.");
        account.MapDelete("visit-cadence", ClearCadence).WithName("ClearVisitCadence").WithSummary("The account follows its class's cadence again.");
        return app;
    }

    private static async Task<Results<Ok<MyWeek>, ProblemHttpResult, ValidationProblem>> Week(
        string? week, ClaimsPrincipal principal, UserDirectory users, WeekReading reading, CancellationToken ct)
    {
        if (await MeAsync(principal, users, ct) is not { } me)
        {
            return NoUserRecord();
        }

        if (WeekOf(week, reading.TodayOf(me)) is not { } which)
        {
            return BadWeek();
        }

        return TypedResults.Ok(await reading.ReadAsync(me, which, ct));
    }

    private static async Task<Results<Ok<PlanAnswer>, ProblemHttpResult, ValidationProblem>> Plan(
        string? week, ClaimsPrincipal principal, UserDirectory users, WeekPlanning planning, TimeProvider clock, CancellationToken ct)
    {
        if (await MeAsync(principal, users, ct) is not { } me)
        {
            return NoUserRecord();
        }

        if (WeekOf(week, planning.CalendarOf(me).DateOf(clock.GetUtcNow())) is not { } which)
        {
            return BadWeek();
        }

        return TypedResults.Ok(new PlanAnswer(which.ToString(), await planning.PlanAsync(me, which, ct)));
    }

    private static async Task<Results<Ok<Visit>, NotFound, ValidationProblem>> Move(
        string taskId, VisitMoveInput input, ClaimsPrincipal principal, VisitDesk desk, CancellationToken ct) =>
        Answer(await desk.MoveAsync(taskId, principal.KamFlowsUserId() ?? "", input.On!.Value, ct), "on");

    private static async Task<Results<Ok<Visit>, NotFound, ValidationProblem>> Record(
        string taskId, VisitRecordInput input, ClaimsPrincipal principal, VisitDesk desk, CancellationToken ct) =>
        Answer(await desk.RecordAsync(taskId, principal.KamFlowsUserId() ?? "", input, ct), "visit");

    private static async Task<Results<Ok<AccountVisits>, NotFound>> OfAccount(
        string id, ClaimsPrincipal principal, AccountAccess access, VisitStore visits, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        var today = WallClock.DateOf(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(grant.Account.Value.TimeZone));
        var views = (await visits.ListAsync(grant.Id, ct)).OrderBy(v => v.PlannedOn)
            .Select(v => new VisitView(v, grant.Account.Value.Name, v.IsMissedOn(today))).ToList();
        return TypedResults.Ok(new AccountVisits(views, views.Count(v => v.Missed)));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> SetCadence(
        string id, CadenceInput input, ClaimsPrincipal principal, AccountAccess access, VisitStore visits, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        await visits.SetCadenceAsync(grant.Id, new Cadence(input.EveryWeeks!.Value, input.Kind!.Value), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> ClearCadence(
        string id, ClaimsPrincipal principal, AccountAccess access, VisitStore visits, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        await visits.ClearCadenceAsync(grant.Id, ct);
        return TypedResults.NoContent();
    }

    private static Results<Ok<Visit>, NotFound, ValidationProblem> Answer((VisitAnswer Answer, Visit? Visit, string? Problem) result, string field) => result.Answer switch
    {
        VisitAnswer.Changed => TypedResults.Ok(result.Visit!),
        VisitAnswer.NotFound => TypedResults.NotFound(),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [result.Problem!] }),
    };

    private static async Task<User?> MeAsync(ClaimsPrincipal principal, UserDirectory users, CancellationToken ct) =>
        principal.KamFlowsUserId() is { } id ? (await users.FindAsync(id, ct))?.Value : null;

    private static IsoWeek? WeekOf(string? text, DateOnly today) =>
        text is null ? IsoWeek.Of(today) : IsoWeek.TryParse(text, out var week) ? week : null;

    private static ValidationProblem BadWeek() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["week"] = ["A week is an ISO week such as 2026-W37."] });

    private static ProblemHttpResult NoUserRecord() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "No user record", detail: "Only people with a user record have a week.");

    /// <summary>The week planned, and how many visits this planning stored.</summary>
    public sealed record PlanAnswer(string Week, int Stored);
}
