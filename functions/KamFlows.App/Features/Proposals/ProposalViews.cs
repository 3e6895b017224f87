using KamFlows.App.Engine;
using KamFlows.Domain.Proposals;

namespace KamFlows.App.Features.Proposals;

/// <summary>A proposal as the API shows it: what was proposed, where its follow-up stands, and what comes next.</summary>
public sealed record ProposalView(
    string Id,
    int Version,
    string Status,
    bool Running,
    string AccountId,
    string KamUserId,
    string Title,
    string? Message,
    IReadOnlyList<string> ContactIds,
    decimal Value,
    string Currency,
    decimal DiscountPercent,
    DateOnly ValidUntil,
    string DocumentId,
    DateTimeOffset SubmittedAt,
    FollowUpView FollowUp,
    IReadOnlyList<NextStep> Next);

/// <summary>The follow-up so far: sendings, receipt, calls, next steps, extensions, the last bounce, and the end.</summary>
public sealed record FollowUpView(
    int Sendings,
    DateTimeOffset? SentAt,
    ReceiptConfirmedBy? ReceiptConfirmedBy,
    DateTimeOffset? ReceiptConfirmedAt,
    int CallTasks,
    AgreedNextSteps? NextSteps,
    int Extensions,
    DateTimeOffset? LastBouncedAt,
    string? LastBounceReason,
    string? Outcome,
    LossReason? LossReason,
    string? DiscountApproval,
    DateTimeOffset? EndedAt,
    string? WaitingOn);

/// <summary>Something the follow-up will do by itself (a wake-up), or waits for, and when.</summary>
public sealed record NextStep(string What, string Description, DateTimeOffset? DueAt);

/// <summary>A proposal with its history, for <c>GET /api/proposals/{id}</c>.</summary>
public sealed record ProposalDetail(ProposalView Proposal, IReadOnlyList<HistoryEntry> History);

internal static class ProposalViews
{
    public static ProposalView Of(ProcessInstance instance, ProposalRecord record)
    {
        var state = ProposalFollowUpDefinition.ReadState(instance.StateJson);
        var terms = state.Terms;
        return new ProposalView(
            instance.Id, instance.Version, instance.Step, instance.IsRunning, record.AccountId, state.KamUserId ?? record.KamUserId,
            record.Title, record.Message, record.ContactIds, record.Value, record.Currency, record.DiscountPercent,
            terms?.ValidUntil ?? record.ValidUntil, record.DocumentId, record.SubmittedAt,
            new FollowUpView(state.Sendings, state.SentAt, state.ConfirmedBy, state.ConfirmedAt, state.CallTasks, state.NextSteps, state.Extensions,
                state.LastBouncedAt, state.LastBounceReason, instance.Outcome, state.LossReason, state.DiscountApprovalOutcome, state.EndedAt, instance.WaitingOn?.Party),
            NextOf(instance, state));
    }

    private static List<NextStep> NextOf(ProcessInstance instance, ProposalState state)
    {
        var next = new List<NextStep>();
        if (!instance.IsRunning)
        {
            return next;
        }

        if (state.Phase == ProposalPhase.AwaitingApproval)
        {
            next.Add(new NextStep("discount-approval", "The account's director decides on the discount; the proposal is sent when it is approved.", null));
        }

        next.AddRange(instance.WakeUps.OrderBy(w => w.DueAt).Select(w => new NextStep(w.Name, Describe(w.Name, state), w.DueAt)));
        return next;
    }

    private static string Describe(string wakeUp, ProposalState state) => wakeUp switch
    {
        ProposalFollowUpDefinition.ReceiptCallWakeUp => "A call task for the KAM, unless the customer confirms receipt before.",
        ProposalFollowUpDefinition.MeetingReminderWakeUp => $"A reminder to the KAM of the agreed {state.NextSteps?.Kind.ToString().ToLowerInvariant() ?? "meeting"}.",
        ProposalFollowUpDefinition.ValidityReminderWakeUp => "A reminder to the KAM that the proposal's validity ends soon.",
        ProposalFollowUpDefinition.ExpiryWakeUp => "Without an outcome, the proposal expires.",
        _ => wakeUp,
    };
}
