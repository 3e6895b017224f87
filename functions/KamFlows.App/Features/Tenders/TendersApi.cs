using System.Security.Claims;
using KamFlows.App.Features.Contacts;
using KamFlows.Domain.Tenders;
using Microsoft.AspNetCore.Mvc;

namespace KamFlows.App.Features.Tenders;

/// <summary>
/// Tenders: a KAM registers one for their own account (idempotent by the <c>Idempotency-Key</c>
/// header), moves or postpones its date, ticks checklist items, records the outcome or cancels; the
/// calendar and the win/loss figures span accounts (everyone's for heads of KAM, directors and
/// administrators, a KAM's own). Who may change a tender: <c>AccountAccess</c>, then the process's
/// own rule (its KAM or its business unit's head of KAM).
/// </summary>
public static class TendersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapTendersApi(this IEndpointRouteBuilder app)
    {
        var tenders = app.MapGroup("api/tenders").WithTags("Tenders");
        tenders.MapPost("", Register).WithName("RegisterTender")
            .WithSummary("Registers a tender of the caller's account and starts its preparation (Idempotency-Key header required: the same key finds the same tender).");
        tenders.MapGet("calendar", Calendar).WithName("TenderCalendar")
            .WithSummary("Tenders whose date is from..to (dates), with the next milestone, the status and late flags.");
        tenders.MapGet("outcomes", Outcomes).WithName("TenderOutcomes").WithSummary("Win/loss figures of the ended tenders: in all, by loss reason, by buyer and by business unit.");
        tenders.MapGet("{id}", Get).WithName("GetTender").WithSummary("A tender and where its preparation stands: schedule, checklists, coverage gaps, warnings, outcome.");
        tenders.MapPut("{id}/date", MoveDate).WithName("MoveTenderDate").WithSummary("Moves the tender date: milestones not done are planned again, done ones kept.");
        tenders.MapPost("{id}/postpone", Postpone).WithName("PostponeTender").WithSummary("The buyer postponed the tender to a later date: planned again like a move.");
        tenders.MapPost("{id}/checklist", Tick).WithName("TickTenderChecklist").WithSummary("Ticks one item of a milestone's checklist.");
        tenders.MapPost("{id}/outcome", RecordOutcome).WithName("RecordTenderOutcome")
            .WithSummary("Records the result: Won or Lost (after the submission; a loss with its reasons), or CancelledByBuyer at any time.");
        tenders.MapPost("{id}/cancel", Cancel).WithName("CancelTender").WithSummary("Stops preparing the tender; pending approvals are withdrawn.");
        return app;
    }

    private static async Task<Results<Created<TenderView>, Ok<TenderView>, ValidationProblem, ForbidHttpResult, ProblemHttpResult>> Register(
        TenderInput input, ClaimsPrincipal principal, HttpRequest request, TenderDesk desk, ContactStore contacts, CancellationToken ct)
    {
        if (KeyOf(request) is not { } key)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotencyKeyHeader] = ["Send an Idempotency-Key header (1 to 100 visible characters): a retry with the same key registers the tender once."],
            });
        }

        var registration = await desk.RegisterAsync(principal, key, input, ct);
        if (registration.Forbidden)
        {
            return TypedResults.Forbid();
        }

        if (registration.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (registration.KeyReused)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "This Idempotency-Key was used for another tender.",
                detail: "Use a new key for a new tender; the same key repeats only the same request.");
        }

        var view = await ViewAsync(principal, registration.Tender!.Id, desk, contacts, ct);
        return registration.Created ? TypedResults.Created($"/api/tenders/{view!.Id}", view) : TypedResults.Ok(view!);
    }

    private static async Task<Results<Ok<TenderView>, NotFound>> Get(string id, ClaimsPrincipal principal, TenderDesk desk, ContactStore contacts, CancellationToken ct) =>
        await ViewAsync(principal, id, desk, contacts, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static Task<Results<Ok<TenderView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> MoveDate(
        string id, TenderDateInput input, ClaimsPrincipal principal, HttpRequest request, TenderDesk desk, ContactStore contacts, CancellationToken ct) =>
        ChangeDateAsync(id, input, postponed: false, principal, request, desk, contacts, ct);

    private static Task<Results<Ok<TenderView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Postpone(
        string id, TenderDateInput input, ClaimsPrincipal principal, HttpRequest request, TenderDesk desk, ContactStore contacts, CancellationToken ct) =>
        ChangeDateAsync(id, input, postponed: true, principal, request, desk, contacts, ct);

    private static async Task<Results<Ok<TenderView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Tick(
        string id, TenderChecklistInput input, ClaimsPrincipal principal, HttpRequest request, TenderDesk desk, ContactStore contacts, CancellationToken ct)
    {
        if (TenderChecklists.FromCode(input.Milestone) is not { } milestone || !TenderChecklists.Items(milestone).Contains(input.Item!))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["item"] = [$"Milestones and their items: {string.Join("; ", TenderChecklists.InOrder.Select(m => $"{TenderChecklists.Code(m)}: {string.Join(", ", TenderChecklists.Items(m))}"))}."],
            });
        }

        return await ChangeAsync(id, principal, InputId("tick", request), new TenderCommand.TickItem(input.Milestone!, input.Item!), desk, contacts, ct);
    }

    private static async Task<Results<Ok<TenderView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> RecordOutcome(
        string id, TenderOutcomeInput input, ClaimsPrincipal principal, HttpRequest request, TenderDesk desk, ContactStore contacts, CancellationToken ct)
    {
        var reasons = (input.Reasons ?? []).Select(r => r?.Trim() ?? "").ToList();
        if (TenderRules.OutcomeProblem(input.Result!.Value, reasons) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reasons"] = [problem] });
        }

        if (reasons.Any(r => r.Length is 0 or > 100))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reasons"] = ["A reason is 1 to 100 characters."] });
        }

        return await ChangeAsync(id, principal, InputId("outcome", request), new TenderCommand.RecordOutcome(input.Result.Value, reasons, input.Comment), desk, contacts, ct);
    }

    private static Task<Results<Ok<TenderView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Cancel(
        string id, TenderCancelInput input, ClaimsPrincipal principal, HttpRequest request, TenderDesk desk, ContactStore contacts, CancellationToken ct) =>
        ChangeAsync(id, principal, InputId("cancel", request), new TenderCommand.Cancel(input.Reason!.Trim()), desk, contacts, ct);

    private static async Task<Results<Ok<TenderCalendar>, ValidationProblem>> Calendar(
        [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, ClaimsPrincipal principal, TenderReports reports, CancellationToken ct)
    {
        if (from is null || to is null || from > to || to.Value.DayNumber - from.Value.DayNumber > 366 * 5)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give from and to (dates, from <= to, at most five years apart)."] });
        }

        return TypedResults.Ok(await reports.CalendarAsync(principal, from.Value, to.Value, ct));
    }

    private static async Task<Ok<TenderOutcomes>> Outcomes(ClaimsPrincipal principal, TenderReports reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.OutcomesAsync(principal, ct));

    private static async Task<Results<Ok<TenderView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ChangeDateAsync(
        string id, TenderDateInput input, bool postponed, ClaimsPrincipal principal, HttpRequest request, TenderDesk desk, ContactStore contacts, CancellationToken ct)
    {
        if (await desk.FindAsync(principal, id, ct) is not var (_, grant, _))
        {
            return TypedResults.NotFound();
        }

        if (TenderRules.DateProblem(input.TenderDate!.Value, desk.Today(grant.Account.Value)) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tenderDate"] = [problem] });
        }

        return await ChangeAsync(id, principal, InputId(postponed ? "postpone" : "date", request), new TenderCommand.ChangeDate(input.TenderDate.Value, postponed), desk, contacts, ct);
    }

    private static async Task<Results<Ok<TenderView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id, ClaimsPrincipal principal, string inputId, TenderCommand command, TenderDesk desk, ContactStore contacts, CancellationToken ct)
    {
        var (change, reason) = await desk.SendAsync(principal, id, inputId, command, ct);
        return change switch
        {
            TenderChange.NotFound => TypedResults.NotFound(),
            TenderChange.Forbidden => TypedResults.Forbid(),
            TenderChange.Ended => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The tender's preparation has ended."),
            TenderChange.Refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The tender cannot take this now.", detail: reason),
            _ => TypedResults.Ok((await ViewAsync(principal, id, desk, contacts, ct))!),
        };
    }

    private static async Task<TenderView?> ViewAsync(ClaimsPrincipal principal, string id, TenderDesk desk, ContactStore contacts, CancellationToken ct)
    {
        if (await desk.FindAsync(principal, id, ct) is not var (tender, grant, instance))
        {
            return null;
        }

        return TenderView.Of(tender, instance, desk.Today(grant.Account.Value), await contacts.AllAsync(tender.AccountId, ct));
    }

    /// <summary>The header's key, when it is one: 1 to 100 visible ASCII characters.</summary>
    private static string? KeyOf(HttpRequest request) =>
        request.Headers[IdempotencyKeyHeader].ToString() is { Length: > 0 and <= 100 } key && key.All(c => c is > ' ' and <= '~') ? key : null;

    /// <summary>A change is applied once per Idempotency-Key when one is sent; without one every request is new (and the process ignores a repeat that changes nothing).</summary>
    private static string InputId(string kind, HttpRequest request) =>
        $"tender-{kind}|{request.HttpContext.User.FindFirstValue(Security.KamFlowsClaims.UserId)}|{KeyOf(request) ?? Guid.NewGuid().ToString("N")}";
}
