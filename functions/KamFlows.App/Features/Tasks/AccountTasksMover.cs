using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Users;
using KamFlows.App.Work;

namespace KamFlows.App.Features.Tasks;

/// <summary>
/// When an account changes hands, the previous owner's open tasks of that account go to the new
/// owner. Done in the request that stored the change; what fails is queued and finished from the
/// queue (moving a task twice to the same person changes nothing).
/// </summary>
internal sealed partial class AccountTasksMover(TaskStore store, TaskLifecycle tasks, UserDirectory users, WorkQueue queue, ILogger<AccountTasksMover> logger)
    : IAccountReassignmentListener, IWorkItemHandler
{
    public const string WorkKind = "tasks.account-reassigned";

    public string Kind => WorkKind;

    public async Task OnReassignedAsync(AccountReassigned reassigned, CancellationToken ct)
    {
        var id = string.Join('|', reassigned.AccountId, reassigned.PreviousOwnerUserId, reassigned.NewOwnerUserId);
        try
        {
            await MoveAsync(reassigned.AccountId, reassigned.PreviousOwnerUserId, reassigned.NewOwnerUserId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogQueued(logger, e, reassigned.AccountId);
            await queue.SendAsync(new WorkItem(WorkKind, id), cancellationToken: ct);
        }
    }

    public Task HandleAsync(WorkItem item, CancellationToken cancellationToken) => item.Id.Split('|') is [var account, var from, var to]
        ? MoveAsync(account, from, to, cancellationToken)
        : throw new Hosting.MalformedQueueMessageException("not an account's tasks to move");

    private async Task MoveAsync(string accountId, string fromUserId, string toUserId, CancellationToken ct)
    {
        var to = (await users.FindAsync(toUserId, ct))?.Value ?? throw new InvalidOperationException($"There is no user '{toUserId}'.");
        foreach (var task in await store.OpenOfAccountAsync(fromUserId, accountId, ct))
        {
            await tasks.ReassignAsync(task.Id, to, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moving the open tasks of account {AccountId} to its new owner failed; queued to finish")]
    private static partial void LogQueued(ILogger logger, Exception exception, string accountId);
}
