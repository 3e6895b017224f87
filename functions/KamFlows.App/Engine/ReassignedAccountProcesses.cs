using KamFlows.App.Features.Accounts;
using KamFlows.App.Work;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

/// <summary>
/// When an account changes hands, every running process of the account hears it as a system input,
/// so a process can move its tasks and reminders to the new KAM. Told in the request that stored
/// the change; if that fails part-way, the same telling is queued and finished from the queue (each
/// instance recognises a second telling as a duplicate).
/// </summary>
internal sealed partial class ReassignedAccountProcesses(ProcessIndex index, ProcessEngine engine, WorkQueue queue, ILogger<ReassignedAccountProcesses> logger)
    : IAccountReassignmentListener, IWorkItemHandler
{
    public const string WorkKind = "account-reassigned";

    public string Kind => WorkKind;

    public async Task OnReassignedAsync(AccountReassigned reassigned, CancellationToken ct)
    {
        var notice = new Notice(reassigned.AccountId, reassigned.PreviousOwnerUserId, reassigned.NewOwnerUserId, reassigned.At.UtcTicks);
        try
        {
            await TellAsync(notice, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogQueued(logger, e, reassigned.AccountId);
            await queue.SendAsync(new WorkItem(WorkKind, notice.ToId()), cancellationToken: ct);
        }
    }

    public Task HandleAsync(WorkItem item, CancellationToken cancellationToken) => TellAsync(Notice.Parse(item.Id), cancellationToken);

    private async Task TellAsync(Notice notice, CancellationToken ct)
    {
        string? continuation = null;
        do
        {
            var page = await index.ListAsync(new ProcessListQuery(null, ProcessStatus.Running, notice.AccountId, null), continuation, 100, ct);
            foreach (var process in page.Items)
            {
                await engine.SendAsync(process.Id, $"reassigned|{notice.ToId()}",
                    new EngineInput.AccountReassigned(notice.AccountId, notice.From, notice.To), Sender.System, ct);
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>Ids only, as everything on the queue: account, previous and new owner, when.</summary>
    private sealed record Notice(string AccountId, string From, string To, long AtTicks)
    {
        public string ToId() => string.Join('|', AccountId, From, To, AtTicks);

        public static Notice Parse(string id) => id.Split('|') is [var a, var f, var t, var at] && long.TryParse(at, out var ticks)
            ? new Notice(a, f, t, ticks)
            : throw new Hosting.MalformedQueueMessageException("not an account re-assignment notice");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the processes of account {AccountId} about its new owner failed; queued to finish")]
    private static partial void LogQueued(ILogger logger, Exception exception, string accountId);
}
