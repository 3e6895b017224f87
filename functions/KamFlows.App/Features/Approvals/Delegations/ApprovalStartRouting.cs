using KamFlows.App.Engine;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Features.Approvals.Delegations;

/// <summary>
/// A new approval request whose approver has an active delegation starts with the delegate as
/// <c>approver.delegates</c> (and the delegate's calendar). Whether the delegate may hold it (never the
/// requester) is the decider's rule (<see cref="DelegationRule"/>), applied when it starts.
/// </summary>
internal sealed class ApprovalStartRouting(DelegationStore delegations, UserDirectory users, TimeProvider clock) : IStartRouting
{
    public string Definition => ApprovalRequestDefinition.DefinitionName;

    public async Task<StartRequest> RouteAsync(StartRequest request, CancellationToken ct)
    {
        if (!request.Parties.TryGetValue(ApprovalRequestDefinition.Approver, out var approvers) || approvers is not [var approver]
            || request.Parties.ContainsKey(ApprovalRequestDefinition.Delegates))
        {
            return request; // no single approver, or the starter named the delegate already
        }

        if ((await delegations.FindAsync(approver, ct))?.DelegateAt(clock.GetUtcNow()) is not { } delegateId
            || (await users.FindAsync(delegateId, ct))?.Value is not { Active: true } delegateUser)
        {
            return request;
        }

        return request with
        {
            Parties = new Dictionary<string, IReadOnlyList<string>>(request.Parties) { [ApprovalRequestDefinition.Delegates] = [delegateId] },
            Calendars = new Dictionary<string, PartyCalendar>(request.Calendars) { [ApprovalRequestDefinition.Delegates] = DelegateCalendar.Of(delegateUser) },
        };
    }
}
