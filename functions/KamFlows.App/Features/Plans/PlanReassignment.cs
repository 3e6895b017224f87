using KamFlows.App.Features.Accounts;

namespace KamFlows.App.Features.Plans;

/// <summary>
/// When an account changes owner, the previous owner leaves its team: the draft's actions they owned
/// go to the new owner (a new revision, so the task requests follow). Frozen versions keep who owned
/// what when they were submitted.
/// </summary>
public sealed partial class PlanReassignment(PlanService plans, ILogger<PlanReassignment> logger) : IAccountReassignmentListener
{
    public async Task OnReassignedAsync(AccountReassigned reassigned, CancellationToken ct)
    {
        var (outcome, saved) = await plans.ReassignActionsAsync(reassigned.AccountId, reassigned.PreviousOwnerUserId, reassigned.NewOwnerUserId, reassigned.ByUserId ?? "bootstrap-admin", ct);
        if (outcome == PlanOutcome.Done && saved is not null)
        {
            LogMoved(logger, reassigned.AccountId, saved.Value.Revision);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan actions of account {AccountId} moved to its new owner in revision {Revision}")]
    private static partial void LogMoved(ILogger logger, string accountId, int revision);
}
