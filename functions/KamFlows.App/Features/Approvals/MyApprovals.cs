using KamFlows.App.Engine;
using KamFlows.App.Http;
using KamFlows.Domain.Approvals;

namespace KamFlows.App.Features.Approvals;

/// <summary>
/// The approval requests waiting on one person (as the approver, a current delegate, or the alternate
/// after escalation), from the <c>waiting|{user}</c> list, each checked against its instance: the list
/// may lag a transition by an effect. What <c>GET /api/me/approvals</c> and My day show.
/// </summary>
public sealed class MyApprovals(ProcessIndex index, InstanceStore instances)
{
    public async Task<PagedList<MyApprovalsApi.MyApproval>> ListAsync(string me, string? continuation, int pageSize, CancellationToken ct)
    {
        var page = await index.ListAsync(new ProcessListQuery(ApprovalRequestDefinition.DefinitionName, ProcessStatus.Running, null, me), continuation, pageSize, ct);
        var items = new List<MyApprovalsApi.MyApproval>();
        foreach (var summary in page.Items)
        {
            if ((await instances.LoadAsync(summary.Id, ct))?.Instance is { IsRunning: true } instance
                && ApprovalRequestDefinition.ReadState(instance.StateJson) is { IsPending: true } state)
            {
                var onBehalfOf = string.Equals(state.ApproverUserId, me, StringComparison.Ordinal) ? null : state.ApproverUserId;
                items.Add(new MyApprovalsApi.MyApproval(instance.Id, state.Summary?.Title ?? "", state.RequesterUserId, state.RequestedAt, state.Deadline, instance.Step, onBehalfOf));
            }
        }

        return new PagedList<MyApprovalsApi.MyApproval>(items, page.ContinuationToken);
    }
}
