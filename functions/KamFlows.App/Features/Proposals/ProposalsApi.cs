using System.Security.Claims;
using KamFlows.App.Engine;
using KamFlows.App.Features.Processes;
using KamFlows.App.Http;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Proposals;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Proposals;

/// <summary>
/// Commercial proposals: a KAM submits one (answered 202 with the proposal's Location: its
/// follow-up has started), reads where it stands, and records what happened: the call, the next
/// steps, an extension, the outcome; resends after a bounce, or cancels.
/// </summary>
public static class ProposalsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var maxPdf = app.ServiceProvider.GetRequiredService<IOptions<ProposalsOptions>>().Value.MaxPdfBytes;
        var proposals = app.MapGroup("api/proposals").WithTags("Proposals");
        proposals.MapPost("", Submit).WithMetadata(new UploadSizeLimit((maxPdf + 2) / 3 * 4 + 64 * 1024)).WithName("SubmitProposal")
            .WithSummary("Submits a proposal of one of my accounts (Idempotency-Key header required): emails it to the contacts and starts its follow-up. 202 with the proposal's Location.");
        proposals.MapGet("", List).WithName("ListProposals")
            .WithSummary("My proposals (heads of KAM, directors and administrators: all), by status (the step, e.g. awaiting-receipt, won), account and validity window.");
        proposals.MapGet("{id}", Get).WithName("GetProposal").WithSummary("A proposal with its follow-up state, what comes next, and its history.");
        proposals.MapPost("{id}/call", RecordCall).WithName("RecordProposalCall").WithSummary("I spoke to the customer about the proposal: receipt is confirmed.");
        proposals.MapPost("{id}/next-steps", AgreeNextSteps).WithName("AgreeProposalNextSteps")
            .WithSummary("The origin of the customer's urgency and the call or meeting agreed: a task at that time and a reminder the business day before.");
        proposals.MapPost("{id}/extension", Extend).WithName("ExtendProposal").WithSummary("A later validity date: the reminder and the expiry move with it.");
        proposals.MapPost("{id}/outcome", RecordOutcome).WithName("RecordProposalOutcome")
            .WithSummary("Won, Lost (with the reason) or Withdrawn: a win gives the delivery call, feedback and recommendation tasks, a loss a loss review.");
        proposals.MapPost("{id}/resend", Resend).WithName("ResendProposal").WithSummary("Emails the proposal again (after correcting an address): new links, the old ones stop working.");
        proposals.MapPost("{id}/cancel", Cancel).WithName("CancelProposal").WithSummary("Cancels the proposal's follow-up.");
        return app;
    }

    private static async Task<Results<Accepted<ProposalView>, ValidationProblem, ProblemHttpResult>> Submit(
        ProposalInput input, ClaimsPrincipal principal, HttpRequest request, ProposalSubmission submission, ProposalReading reading, CancellationToken ct)
    {
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length is 0 or > 200 || key.Any(char.IsControl))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key required",
                detail: "Send an Idempotency-Key header (1 to 200 characters, e.g. a UUID): a retry with the same key starts nothing twice.");
        }

        switch (await submission.SubmitAsync(principal, key, input, ct))
        {
            case SubmissionResult.NotAKam:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only a KAM submits proposals", detail: "Proposals are submitted by the KAM of the account.");
            case SubmissionResult.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors);
            case SubmissionResult.KeyReused:
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: "This Idempotency-Key was used for a different proposal. Use a new key for a new proposal.");
            case SubmissionResult.Accepted accepted:
                var found = await reading.FindAsync(principal, accepted.Id, ct);
                return TypedResults.Accepted($"/api/proposals/{accepted.Id}", found is { } f ? ProposalViews.Of(f.Instance, f.Record) : null);
            default:
                throw new InvalidOperationException("Unknown submission result.");
        }
    }

    private static async Task<Ok<PagedList<ProposalView>>> List(
        ClaimsPrincipal principal, ProposalReading reading, string? status, string? accountId, DateOnly? validFrom, DateOnly? validTo,
        string? continuationToken, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await reading.ListAsync(principal, new ProposalFilter(status, accountId, validFrom, validTo), continuationToken, Paging.Size(pageSize), ct));

    private static async Task<Results<Ok<ProposalDetail>, NotFound>> Get(string id, ClaimsPrincipal principal, ProposalReading reading, InstanceStore instances, CancellationToken ct) =>
        await reading.FindAsync(principal, id, ct) is { } found
            ? TypedResults.Ok(new ProposalDetail(ProposalViews.Of(found.Instance, found.Record), await instances.HistoryAsync(id, ct)))
            : TypedResults.NotFound();

    private static Task<Results<Ok<ProposalView>, NotFound, ProblemHttpResult>> RecordCall(string id, ClaimsPrincipal principal, ProposalCommands commands, CancellationToken ct) =>
        commands.SendAsync(principal, id, "call", new ProposalCommand.RecordCall(), ct);

    private static async Task<Results<Ok<ProposalView>, NotFound, ProblemHttpResult, ValidationProblem>> AgreeNextSteps(
        string id, NextStepsInput input, ClaimsPrincipal principal, ProposalCommands commands, TimeProvider clock, CancellationToken ct)
    {
        if (input.At <= clock.GetUtcNow())
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["at"] = ["The agreed call or meeting is in the future."] });
        }

        return Widen(await commands.SendAsync(principal, id, $"next-steps|{input.Urgency}|{input.Kind}|{input.At!.Value.UtcTicks}",
            new ProposalCommand.AgreeNextSteps(input.Urgency!.Value, input.Kind!.Value, input.At.Value), ct));
    }

    private static async Task<Results<Ok<ProposalView>, NotFound, ProblemHttpResult, ValidationProblem>> Extend(
        string id, ExtensionInput input, ClaimsPrincipal principal, ProposalCommands commands, ProposalReading reading, CancellationToken ct)
    {
        if (await reading.FindAsync(principal, id, ct) is { } found && ProposalViews.Of(found.Instance, found.Record) is { Running: true } view && input.ValidUntil <= view.ValidUntil)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["validUntil"] = [$"An extension is a date after the current validity date ({view.ValidUntil:yyyy-MM-dd})."] });
        }

        return Widen(await commands.SendAsync(principal, id, $"extend|{input.ValidUntil:yyyy-MM-dd}", new ProposalCommand.Extend(input.ValidUntil!.Value), ct));
    }

    private static async Task<Results<Ok<ProposalView>, NotFound, ProblemHttpResult>> RecordOutcome(
        string id, OutcomeInput input, ClaimsPrincipal principal, ProposalCommands commands, CancellationToken ct) =>
        await commands.SendAsync(principal, id, $"outcome|{input.Outcome}|{input.Reason}", new ProposalCommand.RecordOutcome(input.Outcome!.Value, input.Reason), ct);

    private static async Task<Results<Ok<ProposalView>, NotFound, ProblemHttpResult>> Resend(
        string id, ClaimsPrincipal principal, ProposalCommands commands, ProposalReading reading, CancellationToken ct)
    {
        // The sending it follows names the input: a retried resend is a duplicate, a later one is new.
        var sendings = await reading.FindAsync(principal, id, ct) is { } found ? ProposalFollowUpDefinition.ReadState(found.Instance.StateJson).Sendings : 0;
        return await commands.SendAsync(principal, id, $"resend|{sendings}", new ProposalCommand.Resend(), ct);
    }

    private static Task<Results<Ok<ProposalView>, NotFound, ProblemHttpResult>> Cancel(string id, ClaimsPrincipal principal, ProposalCommands commands, CancellationToken ct) =>
        commands.SendAsync(principal, id, "cancel", new ProposalCommand.Cancel(), ct);

    private static Results<Ok<ProposalView>, NotFound, ProblemHttpResult, ValidationProblem> Widen(Results<Ok<ProposalView>, NotFound, ProblemHttpResult> result) => result.Result switch
    {
        Ok<ProposalView> ok => ok,
        NotFound notFound => notFound,
        ProblemHttpResult problem => problem,
        _ => throw new InvalidOperationException("Unknown result."),
    };
}

/// <summary>
/// Sends a KAM's command to a proposal they may see, once per input (a retried request is a
/// duplicate and answers the same), and answers with the proposal as it now stands.
/// </summary>
public sealed class ProposalCommands(ProposalReading reading, ProcessEngine engine)
{
    public async Task<Results<Ok<ProposalView>, NotFound, ProblemHttpResult>> SendAsync(
        ClaimsPrincipal principal, string id, string inputId, ProposalCommand command, CancellationToken ct)
    {
        if (await reading.FindAsync(principal, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var outcome = await engine.SendAsync(id, $"kam|{inputId}", new EngineInput.Command(command), ProcessesApi.SenderOf(principal), ct);
        var now = await reading.FindAsync(principal, id, ct);
        return outcome switch
        {
            SendOutcome.NotFound => TypedResults.NotFound(),
            SendOutcome.NotAllowed => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your proposal",
                detail: "Only the KAM who follows the proposal up records what happened to it."),
            SendOutcome.Ended => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The proposal has ended",
                detail: $"Its follow-up ended ({now?.Instance.Step}): nothing more is recorded."),
            SendOutcome.Stale => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not at this step",
                detail: $"The proposal is at step {now?.Instance.Step}, where this does not apply. Its history says why."),
            _ => TypedResults.Ok(ProposalViews.Of(now!.Value.Instance, now.Value.Record)),
        };
    }
}
