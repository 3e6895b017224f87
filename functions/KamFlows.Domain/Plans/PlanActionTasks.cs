namespace KamFlows.Domain.Plans;

/// <summary>
/// Every action of the plan becomes a task of its owner, due when the action is: open until the
/// action is done. The key is the account and the action id, so editing an action (its title, date or
/// owner) changes the same task, and an action that leaves the plan is withdrawn by whoever keeps the
/// requests (a request for it no longer comes from here).
/// </summary>
public static class PlanActionTasks
{
    public static string KeyOf(string accountId, string actionId) => $"plan-action:{accountId}:{actionId}";

    public static IReadOnlyList<TaskRequest> Requests(string accountId, AccountPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return
        [
            .. from goal in plan.Goals
               from milestone in goal.Milestones
               from action in milestone.Actions
               select new TaskRequest(
                   KeyOf(accountId, action.Id),
                   PlanTaskKind.PlanAction,
                   accountId,
                   action.OwnerUserId,
                   action.Due,
                   action.Title,
                   action.Done ? PlanTaskStatus.Done : PlanTaskStatus.Open,
                   $"goals/{goal.Id}/milestones/{milestone.Id}/actions/{action.Id}"),
        ];
    }
}
