using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using KamFlows.App.Engine;
using KamFlows.App.Features.Processes;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Features.Approvals;

/// <summary>
/// My approval workload: what waits on me (as the approver, a current delegate, or the alternate after
/// escalation), and deciding several at once. Each decision is still its own input to its own request,
/// checked by <see cref="ApprovalDecisionRules"/> and recorded one by one with me as the sender.
/// </summary>
public static class MyApprovalsApi
{
    public const int MaxDecisionsPerBatch = 50;

    public static IEndpointRouteBuilder MapMyApprovalsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("api/me/approvals").WithTags("Approvals");
        me.MapGet("", List).WithName("ListMyApprovals")
            .WithSummary("Approval requests waiting on me (approver, delegate, or alternate after escalation), a page at a time.");
        me.MapPost("decisions", Decide).WithName("DecideMyApprovals")
            .WithSummary("Decides several requests; each item is applied on its own (its inputId makes a retried batch harmless) and answered with its outcome.");
        return app;
    }

    public sealed record MyApproval(
        string ProcessId, string Title, string? RequesterUserId, DateTimeOffset? RequestedAt, DateTimeOffset? Deadline, string Step, string? OnBehalfOf);

    public sealed record DecisionsInput(
        [property: Required, MinLength(1), MaxLength(MaxDecisionsPerBatch)] IReadOnlyList<DecisionItem>? Items);

    /// <param name="InputId">Chosen by the client (e.g. a GUID) per item: sending the same item again is recognised as a duplicate.</param>
    public sealed record DecisionItem(
        [property: Required, StringLength(128, MinimumLength = 1)] string? ProcessId,
        [property: Required, StringLength(64, MinimumLength = 1)] string? InputId,
        [property: Required] ApprovalDecision? Decision);

    public static class Outcomes
    {
        public const string Applied = "applied";
        public const string Duplicate = "duplicate";
        public const string Stale = "stale";
        public const string NotAllowed = "not-allowed";
        public const string NotFound = "not-found";
        public const string Invalid = "invalid";
    }

    public sealed record DecisionOutcome(string ProcessId, string InputId, string Outcome, IDictionary<string, string[]>? Errors = null);

    public sealed record DecisionsAnswer(IReadOnlyList<DecisionOutcome> Items);

    private static async Task<Results<Ok<PagedList<MyApproval>>, ProblemHttpResult>> List(
        ClaimsPrincipal principal, MyApprovals approvals, string? continuationToken, int? pageSize, CancellationToken ct) =>
        principal.KamFlowsUserId() is { } me
            ? TypedResults.Ok(await approvals.ListAsync(me, continuationToken, Paging.Size(pageSize), ct))
            : TypedResults.Ok(new PagedList<MyApproval>([], null)); // a bootstrap administrator without a user record approves nothing

    private static async Task<Results<Ok<DecisionsAnswer>, ProblemHttpResult>> Decide(
        DecisionsInput input, ClaimsPrincipal principal, InstanceStore instances, ProcessEngine engine, CancellationToken ct)
    {
        if (principal.KamFlowsUserId() is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No user record",
                detail: "Decisions are taken by a user; a bootstrap administrator has none until an administrator creates it.");
        }

        var sender = ProcessesApi.SenderOf(principal);
        var answers = new List<DecisionOutcome>();
        foreach (var item in input.Items!)
        {
            answers.Add(await DecideOneAsync(item, sender, instances, engine, ct));
        }

        return TypedResults.Ok(new DecisionsAnswer(answers));
    }

    private static async Task<DecisionOutcome> DecideOneAsync(DecisionItem item, Sender sender, InstanceStore instances, ProcessEngine engine, CancellationToken ct)
    {
        var processId = item.ProcessId!;
        var inputId = item.InputId!;
        var found = await instances.LoadAsync(processId, ct);
        if (found?.Instance is not { Definition: ApprovalRequestDefinition.DefinitionName } instance)
        {
            return new(processId, inputId, Outcomes.NotFound);
        }

        var errors = ApprovalDecisionRules.Validate(item.Decision!, ApprovalRequestDefinition.ReadState(instance.StateJson).Sections);
        if (errors.Count > 0)
        {
            return new(processId, inputId, Outcomes.Invalid, errors.ByField());
        }

        // The client's id, under the sender's name, so two people's ids can never collide.
        var outcome = await engine.SendAsync(processId, $"decision|{sender.UserId}|{inputId}",
            new EngineInput.Command(new ApprovalCommand.Decide(item.Decision!)), sender, new SendOptions(Loaded: found), ct);
        return new(processId, inputId, outcome switch
        {
            SendOutcome.Applied => Outcomes.Applied,
            SendOutcome.Duplicate => Outcomes.Duplicate,
            SendOutcome.NotAllowed => Outcomes.NotAllowed,
            SendOutcome.NotFound => Outcomes.NotFound,
            _ => Outcomes.Stale,
        });
    }
}
