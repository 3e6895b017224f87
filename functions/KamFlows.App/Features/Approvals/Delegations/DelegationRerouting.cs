using KamFlows.App.Engine;
using KamFlows.App.Features.Users;
using KamFlows.App.Work;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Features.Approvals.Delegations;

/// <summary>
/// Brings a director's pending approval requests in line with their delegation as it stands now: each
/// running request waiting on them as approver is told <see cref="ApprovalCommand.DelegationChanged"/>
/// (the delegate, or null when none is active). Run when a delegation is set or removed, and at its
/// start and end by a due-timer wake-up (work kind <see cref="WorkKind"/>, id = the director).
/// The input id names the delegation's version and the delegate, so a retry is a recognised duplicate.
/// </summary>
public sealed partial class DelegationRerouting(
    DelegationStore delegations, ProcessIndex index, InstanceStore instances, UserDirectory users, DueTimers dueTimers,
    IServiceProvider services, TimeProvider clock, ILogger<DelegationRerouting> logger) : IWorkItemHandler
{
    public const string WorkKind = "delegation";

    public string Kind => WorkKind;

    /// <summary>Sets the wake-ups at the delegation's start (if later) and end, when the routing must change again.</summary>
    public async Task ScheduleAsync(DirectorDelegation delegation, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var item = new WorkItem(WorkKind, delegation.DirectorUserId);
        foreach (var at in new[] { delegation.From, delegation.Until })
        {
            if (at is { } when && when > now)
            {
                await dueTimers.SetOnceAsync(item, when, ct);
            }
        }
    }

    /// <summary>Re-routes the director's pending requests to the delegate active now (or back to them). Returns how many were told.</summary>
    public async Task<int> RerouteAsync(string directorUserId, CancellationToken ct)
    {
        var delegation = await delegations.FindAsync(directorUserId, ct);
        var now = clock.GetUtcNow();
        var delegateId = delegation?.DelegateAt(now);
        var calendar = delegateId is null ? null
            : (await users.FindAsync(delegateId, ct))?.Value is { Active: true } user ? DelegateCalendar.Of(user)
            : null;
        if (delegateId is not null && calendar is null)
        {
            delegateId = null; // the delegate left meanwhile: the requests stay with (or return to) the director
        }

        // One input per version and phase: before the start, during (to this delegate), after the end.
        var phase = delegateId ?? (delegation is not { IsSet: true } ? "none" : now < delegation.From ? "before" : "ended");
        var inputId = $"delegation|{directorUserId}|{delegation?.Version ?? 0}|{phase}";
        var change = new EngineInput.Command(new ApprovalCommand.DelegationChanged(delegateId, calendar));
        var engine = services.GetRequiredService<ProcessEngine>();
        var told = 0;
        string? continuation = null;
        do
        {
            var page = await index.ListAsync(
                new ProcessListQuery(ApprovalRequestDefinition.DefinitionName, ProcessStatus.Running, null, directorUserId), continuation, 100, ct);
            foreach (var summary in page.Items)
            {
                var instance = (await instances.LoadAsync(summary.Id, ct))?.Instance;
                if (instance is null || !instance.Parties.TryGetValue(ApprovalRequestDefinition.Approver, out var approvers)
                    || !approvers.Contains(directorUserId, StringComparer.Ordinal))
                {
                    continue; // waits on the director as an alternate or a delegate: not theirs to hand on
                }

                await engine.SendAsync(summary.Id, inputId, change, Sender.System, ct);
                told++;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        LogRerouted(logger, told);
        return told;
    }

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        await RerouteAsync(item.Id, cancellationToken);
        if (item.FiredFrom is { } row)
        {
            await dueTimers.ClearAsync(row, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delegation change re-routed {Count} pending approval requests")]
    private static partial void LogRerouted(ILogger logger, int count);
}
