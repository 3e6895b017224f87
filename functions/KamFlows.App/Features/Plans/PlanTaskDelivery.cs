using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.App.Work;
using KamFlows.Domain.Plans;
using KamFlows.Domain.Tasks;

namespace KamFlows.App.Features.Plans;

/// <summary>
/// Turns the task requests of an account's plan and stage moves (<see cref="PlanTaskOutbox"/>) into
/// tasks in the assignee's list: one task per request key (its id follows from the key, so a repeat
/// creates nothing new), due on the request's date at 09:00 on the assignee's clock. A changed
/// request changes the open task (assignee, title, due); Withdrawn closes it as cancelled, Done as done.
/// Each delivered row is marked with If-Match, so a row changed meanwhile is delivered again.
/// <para>
/// Whoever writes requests calls <see cref="WriteAndDeliverAsync"/>: a row in the due-timer index is
/// written first and cleared once delivered, so a crash between writing the requests and delivering
/// them makes the sweep send this class a <see cref="WorkKind"/> work item a lease later.
/// </para>
/// </summary>
public sealed partial class PlanTaskDelivery(
    PlanTaskOutbox outbox, TaskStore tasks, TaskLifecycle lifecycle, UserDirectory users, DueTimers dueTimers, TimeProvider clock, ILogger<PlanTaskDelivery> logger)
    : IWorkItemHandler
{
    public const string WorkKind = "plan-tasks";

    /// <summary>When on the assignee's clock a plan's task is due, on the request's date.</summary>
    public static readonly TimeOnly DueTime = new(9, 0);

    public string Kind => WorkKind;

    /// <summary>The task id of a request key.</summary>
    public static string TaskIdOf(string requestKey) => TaskIds.FromEffect("plan-task|" + requestKey);

    /// <summary>The task kind of a request.</summary>
    public static string TaskKindOf(PlanTaskKind kind) => kind == PlanTaskKind.PlanAction ? "plan-action" : "stage-playbook";

    /// <summary>Writes requests of <paramref name="accountId"/> (<paramref name="write"/>), then delivers them, guarded by a due-timer row.</summary>
    public async Task WriteAndDeliverAsync(string accountId, Func<Task> write, CancellationToken ct)
    {
        var guard = await dueTimers.SetAsync(new WorkItem(WorkKind, accountId), clock.GetUtcNow() + DueTimers.Lease, ct);
        await write();
        try
        {
            await DeliverAsync(accountId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Written: the guard row makes the sweep deliver them later.
            LogDeliveryFailed(logger, e, accountId);
            return;
        }

        await dueTimers.ClearAsync(guard, ct);
    }

    /// <summary>A guard fired: deliver what is left.</summary>
    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        await DeliverAsync(item.Id, cancellationToken);
        if (item.FiredFrom is { } row)
        {
            await dueTimers.ClearAsync(row, cancellationToken);
        }
    }

    /// <summary>Delivers every undelivered request of the account (idempotent).</summary>
    public async Task DeliverAsync(string accountId, CancellationToken ct)
    {
        foreach (var (request, etag) in await outbox.UndeliveredAsync(accountId, ct))
        {
            if (await DeliverAsync(request, ct))
            {
                await outbox.MarkDeliveredAsync(accountId, request.Key, etag, ct);
            }
        }
    }

    private async Task<bool> DeliverAsync(TaskRequest request, CancellationToken ct)
    {
        var id = TaskIdOf(request.Key);
        var found = (await tasks.FindAsync(id, ct))?.Value;
        var due = new TaskDue.AssigneeLocal(request.Due, DueTime);
        switch (request.Status)
        {
            case PlanTaskStatus.Open when found is null:
                if (await users.FindAsync(request.AssigneeUserId, ct) is null)
                {
                    LogNoAssignee(logger, request.AccountId, request.Kind);
                    return false; // stays undelivered: nothing a user asked for is dropped
                }

                await lifecycle.CreateAsync(
                    new CreateTask(TaskKindOf(request.Kind), request.AssigneeUserId, due, request.AccountId), "plan-task|" + request.Key, null, ct, request.Title, request.Key);
                return true;
            case PlanTaskStatus.Open when found.IsOpen:
                if (found.AssigneeUserId != request.AssigneeUserId)
                {
                    if ((await users.FindAsync(request.AssigneeUserId, ct))?.Value is not { } to)
                    {
                        LogNoAssignee(logger, request.AccountId, request.Kind);
                        return false;
                    }

                    await lifecycle.ReassignAsync(id, to, ct);
                }

                await lifecycle.ReviseAsync(id, request.Title, due, ct);
                return true;
            case PlanTaskStatus.Done when found is { IsOpen: true }:
                await lifecycle.CloseAsync(id, CreateTask.Done, ct);
                return true;
            case PlanTaskStatus.Withdrawn when found is { IsOpen: true }:
                await lifecycle.CloseAsync(id, SystemOutcomes.Cancelled, ct);
                return true;
            default:
                // Closed already, or never created and no longer wanted: nothing to do.
                return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering the task requests of account {AccountId} failed; the sweep tries again")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} task request of account {AccountId} names no known user; left undelivered")]
    private static partial void LogNoAssignee(ILogger logger, string accountId, PlanTaskKind kind);
}
