using Azure;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.Domain.Plans;

namespace KamFlows.App.Features.Plans;

/// <summary>What became of a change to a plan, for the caller to answer with.</summary>
public enum PlanOutcome
{
    Done,
    NotFound,
    IfMatchRequired,
    Stale,
    Conflict,
    NotAllowed,
}

/// <summary>
/// The operations on account plans: save the draft (its actions become task requests), submit a
/// version, decide on a submitted version (what the quarterly review calls), mark an action done
/// (what completing its task calls). Who may do each is the caller's to check first
/// (<see cref="AccountAccess"/>, the <c>PlanApprovers</c> policy).
/// </summary>
public sealed partial class PlanService(PlanStore plans, PlanTaskOutbox outbox, PlanTaskDelivery delivery, ContactStore contacts, TimeProvider clock, ILogger<PlanService> logger)
{
    private const int Attempts = 5;

    /// <summary>The plan's rows; task requests a crash left unwritten are written first.</summary>
    public async Task<PlanState> ReadAsync(string accountId, CancellationToken ct)
    {
        var state = await plans.ReadAsync(accountId, ct);
        if (state is { TasksPending: { } mark, Draft: { } draft })
        {
            await SyncTasksAsync(accountId, draft.Value, mark, ct);
        }

        return state;
    }

    /// <summary>The rules of the plan that do not hold for this account (its team, its contacts).</summary>
    public async Task<IReadOnlyList<PlanProblem>> CheckAsync(Account account, AccountPlan plan, CancellationToken ct)
    {
        var known = await contacts.AllAsync(account.Id, ct);
        return PlanRules.Check(plan, account.Team().ToHashSet(StringComparer.Ordinal), known.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Saves the draft: a first one without <paramref name="ifMatch"/>, a later one only at the ETag the
    /// caller read. Then the task requests follow the draft's actions.
    /// </summary>
    public async Task<(PlanOutcome Outcome, Versioned<PlanDraft>? Saved)> SaveDraftAsync(string accountId, AccountPlan plan, ETag? ifMatch, string byUserId, CancellationToken ct)
    {
        var state = await plans.ReadAsync(accountId, ct);
        if (state.Draft is not null && ifMatch is null)
        {
            return (PlanOutcome.IfMatchRequired, null);
        }

        if (state.Draft is null && ifMatch is not null)
        {
            return (PlanOutcome.Stale, null);
        }

        var draft = new PlanDraft(plan, (state.Draft?.Value.Revision ?? 0) + 1, byUserId, clock.GetUtcNow());
        return await SaveAsync(accountId, draft, ifMatch, ct) is { } etag ? (PlanOutcome.Done, new Versioned<PlanDraft>(draft, etag)) : (PlanOutcome.Stale, null);
    }

    /// <summary>Freezes the draft the caller read (at <paramref name="ifMatch"/>) as the next version, waiting for a decision.</summary>
    public async Task<(PlanOutcome Outcome, PlanVersion? Version)> SubmitAsync(string accountId, ETag ifMatch, string byUserId, CancellationToken ct)
    {
        var state = await plans.ReadAsync(accountId, ct);
        if (state.Draft is not { } draft)
        {
            return (PlanOutcome.NotFound, null);
        }

        if (draft.ETag != ifMatch)
        {
            return (PlanOutcome.Stale, null);
        }

        try
        {
            var version = await plans.SubmitAsync(accountId, state.Head, draft.Value.Plan, byUserId, clock.GetUtcNow(), ct);
            LogSubmitted(logger, accountId, version.Number);
            return (PlanOutcome.Done, version);
        }
        catch (ConcurrencyConflictException)
        {
            return (PlanOutcome.Conflict, null);
        }
    }

    /// <summary>
    /// Approves or rejects a submitted version, once: a decided or superseded version answers
    /// <see cref="PlanOutcome.Conflict"/>. Nobody decides on a version they submitted.
    /// </summary>
    public async Task<(PlanOutcome Outcome, PlanVersion? Version)> DecideAsync(string accountId, int number, bool approved, string? comment, string byUserId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = await plans.ReadAsync(accountId, ct);
            if (state.Head is not { } head || await plans.FindVersionAsync(accountId, number, ct) is not { } version)
            {
                return (PlanOutcome.NotFound, null);
            }

            if (version.Value.SubmittedByUserId == byUserId)
            {
                return (PlanOutcome.NotAllowed, version.Value);
            }

            if (PlanVersionLifecycle.Decide(version.Value.Status, approved) is not { } status)
            {
                return (PlanOutcome.Conflict, version.Value);
            }

            var decided = version.Value with { Status = status, DecidedByUserId = byUserId, DecidedAt = clock.GetUtcNow(), Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() };
            try
            {
                await plans.DecideAsync(accountId, head, version, decided, ct);
                LogDecided(logger, accountId, number, status);
                return (PlanOutcome.Done, decided);
            }
            catch (ConcurrencyConflictException)
            {
                // A submission or another decision moved the head: look again.
                if (attempt == Attempts)
                {
                    return (PlanOutcome.Conflict, version.Value);
                }
            }
        }
    }

    /// <summary>Marks an action of the draft done (idempotent): what completing the action's task does.</summary>
    public Task<(PlanOutcome Outcome, Versioned<PlanDraft>? Saved)> CompleteActionAsync(string accountId, string actionId, string byUserId, CancellationToken ct) =>
        ChangeActionsAsync(accountId, byUserId, plan => plan.Actions().Any(a => a.Id == actionId), a => a.Id == actionId && !a.Done, a => a with { Done = true }, ct);

    /// <summary>Gives the actions <paramref name="fromUserId"/> owns in the draft to <paramref name="toUserId"/> (an account's new owner).</summary>
    public Task<(PlanOutcome Outcome, Versioned<PlanDraft>? Saved)> ReassignActionsAsync(string accountId, string fromUserId, string toUserId, string byUserId, CancellationToken ct) =>
        ChangeActionsAsync(accountId, byUserId, _ => true, a => a.OwnerUserId == fromUserId, a => a with { OwnerUserId = toUserId }, ct);

    /// <summary>
    /// Changes the draft's actions that <paramref name="applies"/> to, as a new revision at the ETag
    /// read (read again when someone saved meanwhile). Nothing to change is done already; a draft
    /// missing or not <paramref name="concerns"/>-ing is not found.
    /// </summary>
    private async Task<(PlanOutcome Outcome, Versioned<PlanDraft>? Saved)> ChangeActionsAsync(
        string accountId, string byUserId, Func<AccountPlan, bool> concerns, Func<PlanAction, bool> applies, Func<PlanAction, PlanAction> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = await plans.ReadAsync(accountId, ct);
            if (state.Draft is not { } current || !concerns(current.Value.Plan))
            {
                return (PlanOutcome.NotFound, null);
            }

            if (!current.Value.Plan.Actions().Any(applies))
            {
                return (PlanOutcome.Done, current);
            }

            var plan = current.Value.Plan with
            {
                Goals = [.. current.Value.Plan.Goals.Select(g => g with
                {
                    Milestones = [.. g.Milestones.Select(m => m with { Actions = [.. m.Actions.Select(a => applies(a) ? change(a) : a)] })],
                })],
            };
            var draft = new PlanDraft(plan, current.Value.Revision + 1, byUserId, clock.GetUtcNow());
            if (await SaveAsync(accountId, draft, current.ETag, ct) is { } etag)
            {
                return (PlanOutcome.Done, new Versioned<PlanDraft>(draft, etag));
            }

            if (attempt == Attempts)
            {
                return (PlanOutcome.Stale, null);
            }
        }
    }

    private async Task<ETag?> SaveAsync(string accountId, PlanDraft draft, ETag? ifMatch, CancellationToken ct)
    {
        ETag etag, mark;
        try
        {
            (etag, mark) = await plans.SaveDraftAsync(accountId, draft, ifMatch, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        await SyncTasksAsync(accountId, draft, mark, ct);
        return etag;
    }

    /// <summary>
    /// Writes the draft's task requests and clears the mark, then turns them into tasks; on failure the
    /// mark stays and the next read or save writes them, and the delivery's guard row delivers them.
    /// </summary>
    private async Task SyncTasksAsync(string accountId, PlanDraft draft, ETag mark, CancellationToken ct)
    {
        try
        {
            await delivery.WriteAndDeliverAsync(accountId, async () =>
            {
                await outbox.SyncPlanAsync(accountId, draft.Revision, PlanActionTasks.Requests(accountId, draft.Plan), ct);
                await plans.ClearTasksMarkAsync(accountId, mark, ct);
            }, ct);
        }
        catch (RequestFailedException e)
        {
            LogTasksPending(logger, e, accountId, draft.Revision);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan of account {AccountId} submitted as version {Version}")]
    private static partial void LogSubmitted(ILogger logger, string accountId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan version {Version} of account {AccountId} decided: {Status}")]
    private static partial void LogDecided(ILogger logger, string accountId, int version, PlanVersionStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task requests of plan revision {Revision} of account {AccountId} not written yet; the next read or save writes them")]
    private static partial void LogTasksPending(ILogger logger, Exception exception, string accountId, int revision);
}
