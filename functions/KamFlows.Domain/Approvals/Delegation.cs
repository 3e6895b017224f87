using KamFlows.Domain.Processes;
using static KamFlows.Domain.Approvals.ApprovalRequestDefinition;
using Command = KamFlows.Domain.Approvals.ApprovalCommand;
using Event = KamFlows.Domain.Approvals.ApprovalEvent;

namespace KamFlows.Domain.Approvals;

/// <summary>
/// How an approval request follows the approver's delegation: it goes to the current delegate when
/// it starts, and is re-routed when the delegation starts or ends, with an email to whoever holds it
/// now. A delegate refused by <see cref="DelegationRule"/> never holds it: it stays with the approver
/// and the refusal is recorded. The approver can decide throughout.
/// </summary>
internal static class Delegation
{
    public static Decision<Event> AtStart(Event.Requested requested, IReadOnlyList<string> delegates)
    {
        var approver = requested.ApproverUserId;
        if (delegates is not [var delegateId])
        {
            return Decision<Event>.Of(requested).Then(EmailTo(approver, ApprovalEmailPurpose.Request));
        }

        return DelegationRule.Check(delegateId, approver, requested.RequesterUserId) is { } refusal
            ? Decision<Event>.Of(requested, new Event.DelegateRefused(delegateId, refusal))
                .SetParty(Delegates, [])
                .Then(EmailTo(approver, ApprovalEmailPurpose.Request))
            : Decision<Event>.Of(requested, new Event.RoutedToDelegate(delegateId))
                .Then(EmailTo(delegateId, ApprovalEmailPurpose.Request, approver));
    }

    public static Decision<Event> Changed(Command.DelegationChanged change, ApprovalState state)
    {
        var approver = state.ApproverUserId!;
        var current = state.DelegateUserId;
        if (string.IsNullOrWhiteSpace(change.DelegateUserId))
        {
            return current is null ? Decision<Event>.None : BackToApprover(approver, current, []);
        }

        var next = change.DelegateUserId;
        if (string.Equals(next, current, StringComparison.Ordinal))
        {
            return Decision<Event>.None;
        }

        if (DelegationRule.Check(next, approver, state.RequesterUserId) is { } refusal)
        {
            Event refused = new Event.DelegateRefused(next, refusal);
            return current is null
                ? Decision<Event>.Of(refused).SetParty(Delegates, [])
                : BackToApprover(approver, current, [refused]);
        }

        return Decision<Event>.Of(new Event.RoutedToDelegate(next))
            .SetParty(Delegates, [next], change.Calendar)
            .Then(EmailTo(next, ApprovalEmailPurpose.Rerouted, approver));
    }

    private static Decision<Event> BackToApprover(string approver, string previous, Event[] before) =>
        Decision<Event>.Of([.. before, new Event.DelegationEnded(previous)])
            .SetParty(Delegates, [])
            .Then(EmailTo(approver, ApprovalEmailPurpose.Rerouted));
}
