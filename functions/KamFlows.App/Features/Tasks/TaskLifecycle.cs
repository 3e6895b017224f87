using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Work;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Tasks;

namespace KamFlows.App.Features.Tasks;

/// <summary>What became of a request to change a task.</summary>
public enum TaskChange
{
    Changed,
    NotFound,
    NotYours,
    AlreadyCompleted,
    UnknownOutcome,
}

/// <summary>
/// A task's life: created by a process (once per effect id), completed by its assignee with an
/// outcome (the process hears it), handed to someone else. Steps that cross partitions (telling the
/// process, moving to another assignee's partition) are guarded by a row in the due-timer index
/// written before them and cleared after: if the app dies in between, the sweep sends this class a
/// <see cref="WorkKind"/> work item a lease later and it finishes them.
/// </summary>
public sealed partial class TaskLifecycle(
    TaskStore store, UserDirectory users, DueTimers dueTimers, NamedCommands commands, IEnumerable<IWorkTaskCompletionListener> listeners,
    TimeProvider clock, ILogger<TaskLifecycle> logger)
    : IWorkItemHandler
{
    public const string WorkKind = "task";
    private const int Attempts = 5;

    public string Kind => WorkKind;

    /// <summary>Creates the task of <paramref name="effectId"/> once; <paramref name="title"/> and <paramref name="sourceKey"/> for tasks asked for by something other than a process.</summary>
    public async Task<WorkTask> CreateAsync(CreateTask effect, string effectId, string? processId, CancellationToken ct, string? title = null, string? sourceKey = null)
    {
        var id = TaskIds.FromEffect(effectId);
        if (await store.FindAsync(id, ct) is { } existing)
        {
            return existing.Value;
        }

        var assignee = (await users.FindAsync(effect.AssigneeUserId, ct))?.Value
            ?? throw new InvalidOperationException($"There is no user '{effect.AssigneeUserId}' to give a {effect.TaskKind} task to.");
        var dueAt = Resolve(effect.Due, assignee.TimeZone);
        var task = new WorkTask(id, effect.TaskKind, effect.AccountId, processId, effect.CompletionEvent, effect.OutcomeChoices,
            assignee.Id, dueAt, assignee.TimeZone, WorkTaskStatus.Open, null, null, null, ProcessTold: false, clock.GetUtcNow(), title, sourceKey);
        await store.CreateAsync(task, ct);
        LogCreated(logger, id, effect.TaskKind, processId);
        return task;
    }

    /// <summary>The assignee completes the task. Completing again with the same outcome answers as the first time.</summary>
    public async Task<(TaskChange Result, WorkTask? Task)> CompleteAsync(string id, string outcome, string byUserId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (looked, moveFinished) = await LookAsync(id, ct);
            if (moveFinished)
            {
                continue; // a move was left half done: it is finished now, look again
            }

            if (looked is not var (where, found))
            {
                return (TaskChange.NotFound, null);
            }

            var task = found.Value;
            if (task.AssigneeUserId != byUserId)
            {
                return (TaskChange.NotYours, task);
            }

            if (!task.IsOpen)
            {
                return (task.Outcome == outcome ? TaskChange.Changed : TaskChange.AlreadyCompleted, task);
            }

            if (!task.Outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                return (TaskChange.UnknownOutcome, task);
            }

            var now = clock.GetUtcNow();
            var tell = task is { ProcessId: not null, CompletionEvent: not null } || listeners.Any(l => l.Concerns(task));
            var done = task with { Status = WorkTaskStatus.Done, Outcome = outcome, CompletedByUserId = byUserId, CompletedAt = now, ProcessTold = !tell };
            var guard = new WorkItem(WorkKind, id);
            var guardAt = now + DueTimers.Lease;
            var guardRow = tell ? await dueTimers.SetAsync(guard, guardAt, ct) : null;

            try
            {
                await store.CompleteAsync(found, done, ct);
            }
            catch (ConcurrencyConflictException)
            {
                continue; // moved or completed meanwhile: look again (a guard left behind finds nothing to do)
            }

            LogCompleted(logger, id, outcome);
            if (tell && await TryTellAsync(done, ct))
            {
                await dueTimers.ClearAsync(guardRow!, ct);
                done = done with { ProcessTold = true };
            }

            return (TaskChange.Changed, done);
        }

        throw new InvalidOperationException($"Task {id} kept changing under {Attempts} attempts to complete it.");
    }

    /// <summary>Hands an open task to another user (checked to be an active user by the caller).</summary>
    public async Task<(TaskChange Result, WorkTask? Task)> ReassignAsync(string id, User to, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (looked, moveFinished) = await LookAsync(id, ct);
            if (moveFinished)
            {
                continue; // a move was left half done: it is finished now, look again
            }

            if (looked is not var (where, found))
            {
                return (TaskChange.NotFound, null);
            }

            if (!found.Value.IsOpen)
            {
                return (TaskChange.AlreadyCompleted, found.Value);
            }

            if (found.Value.AssigneeUserId == to.Id)
            {
                return (TaskChange.Changed, found.Value);
            }

            var guard = new WorkItem(WorkKind, id);
            var guardAt = clock.GetUtcNow() + DueTimers.Lease;
            var guardRow = await dueTimers.SetAsync(guard, guardAt, ct);
            TaskStore.Location moving;
            try
            {
                moving = await store.BeginMoveAsync(where, to.Id, ct);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            var moved = await store.FinishMoveAsync(moving, to.TimeZone, ct);
            await dueTimers.ClearAsync(guardRow, ct);
            var now = (await store.FindAsync(id, ct))?.Value;
            if (!moved)
            {
                return (TaskChange.AlreadyCompleted, now);
            }

            LogReassigned(logger, id, found.Value.AssigneeUserId, to.Id);
            return (TaskChange.Changed, now);
        }

        throw new InvalidOperationException($"Task {id} kept changing under {Attempts} attempts to reassign it.");
    }

    /// <summary>
    /// Closes an open task for whatever asked for it (no process waits on it): done elsewhere, or
    /// <see cref="SystemOutcomes.Cancelled"/>. Nobody is told: the one closing it knows. A closed task stays as it is.
    /// </summary>
    public async Task<(TaskChange Result, WorkTask? Task)> CloseAsync(string id, string outcome, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (looked, moveFinished) = await LookAsync(id, ct);
            if (moveFinished)
            {
                continue; // a move was left half done: it is finished now, look again
            }

            if (looked is not var (where, found))
            {
                return (TaskChange.NotFound, null);
            }

            if (!found.Value.IsOpen)
            {
                return (TaskChange.AlreadyCompleted, found.Value);
            }

            var done = found.Value with { Status = WorkTaskStatus.Done, Outcome = outcome, CompletedAt = clock.GetUtcNow(), ProcessTold = true };
            try
            {
                await store.CompleteAsync(found, done, ct);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            LogCompleted(logger, id, outcome);
            return (TaskChange.Changed, done);
        }

        throw new InvalidOperationException($"Task {id} kept changing under {Attempts} attempts to close it.");
    }

    /// <summary>Changes an open task's title and due time (a date and time resolved in its assignee's zone); a closed task stays as it is.</summary>
    public async Task<(TaskChange Result, WorkTask? Task)> ReviseAsync(string id, string? title, TaskDue due, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (looked, moveFinished) = await LookAsync(id, ct);
            if (moveFinished)
            {
                continue; // a move was left half done: it is finished now, look again
            }

            if (looked is not var (where, found))
            {
                return (TaskChange.NotFound, null);
            }

            if (!found.Value.IsOpen)
            {
                return (TaskChange.AlreadyCompleted, found.Value);
            }

            var revised = found.Value with { Title = title, DueAt = Resolve(due, found.Value.TimeZone) };
            if (revised == found.Value)
            {
                await store.PointAtAsync(where, revised.DueAt.UtcTicks, ct); // a revision a crash left half done
                return (TaskChange.Changed, revised);
            }

            try
            {
                await store.ReviseAsync(where, found, revised, ct);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            return (TaskChange.Changed, revised);
        }

        throw new InvalidOperationException($"Task {id} kept changing under {Attempts} attempts to revise it.");
    }

    /// <summary>A guard fired: finish a move and tell the process, whatever is left undone.</summary>
    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        if (await store.LocateAsync(item.Id, cancellationToken) is { MovingFromUserId: not null } moving)
        {
            await FinishMoveAsync(moving, cancellationToken);
        }

        if (await store.FindAsync(item.Id, cancellationToken) is { Value: { IsOpen: false, ProcessTold: false } done })
        {
            await TellAsync(done, cancellationToken);
        }

        if (item.FiredFrom is { } row)
        {
            await dueTimers.ClearAsync(row, cancellationToken);
        }
    }

    private static DateTimeOffset Resolve(TaskDue due, string timeZone) => due switch
    {
        TaskDue.At at => at.Instant.ToUniversalTime(),
        TaskDue.AssigneeLocal local => WallClock.ToInstant(local.Date, local.Time, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToUniversalTime(),
        TaskDue.Business => throw new ArgumentException("A business due time is resolved with the process's calendars first (CreateTaskHandler).", nameof(due)),
        _ => throw new ArgumentOutOfRangeException(nameof(due), due, "Unknown due time."),
    };

    /// <summary>
    /// Where a task is and what it holds, as every change of a task first needs it. A task found in
    /// the middle of a move (a crash between its two steps) has the move finished first, and then
    /// nothing is returned but that (the caller looks again).
    /// </summary>
    private async Task<(Looked? Task, bool MoveFinished)> LookAsync(string id, CancellationToken ct)
    {
        if (await store.LocateAsync(id, ct) is not { } where)
        {
            return (null, false);
        }

        if (where.MovingFromUserId is not null)
        {
            await FinishMoveAsync(where, ct);
            return (null, true);
        }

        return (await store.FindAsync(where, ct) is { } found ? new Looked(where, found) : null, false);
    }

    private sealed record Looked(TaskStore.Location Where, Versioned<WorkTask> Found);

    private async Task FinishMoveAsync(TaskStore.Location where, CancellationToken ct)
    {
        var zone = (await users.FindAsync(where.AssigneeUserId, ct))?.Value.TimeZone ?? "UTC";
        await store.FinishMoveAsync(where, zone, ct);
    }

    private async Task<bool> TryTellAsync(WorkTask done, CancellationToken ct)
    {
        try
        {
            await TellAsync(done, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stored already: the guard row makes the sweep tell the process later.
            LogTellFailed(logger, e, done.Id);
            return false;
        }
    }

    private async Task TellAsync(WorkTask done, CancellationToken ct)
    {
        if (done is { ProcessId: not null, CompletionEvent: not null })
        {
            await TellProcessAsync(done, ct);
        }

        foreach (var listener in listeners.Where(l => l.Concerns(done)))
        {
            await listener.OnCompletedAsync(done, ct);
        }

        await store.MarkProcessToldAsync(done, ct);
    }

    private async Task TellProcessAsync(WorkTask done, CancellationToken ct)
    {
        try
        {
            var outcome = await commands.SendAsync(done.ProcessId!, $"task|{done.Id}", done.CompletionEvent!, new Dictionary<string, string?>
            {
                ["taskId"] = done.Id,
                ["outcome"] = done.Outcome,
                ["completedByUserId"] = done.CompletedByUserId,
                ["taskKind"] = done.Kind,
            }, ct);
            if (outcome == SendOutcome.NotAllowed)
            {
                LogNotTaken(logger, done.Id, done.ProcessId!, done.CompletionEvent!);
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // The process does not take the command it named: telling again would not change that.
            LogNotTaken(logger, done.Id, done.ProcessId!, done.CompletionEvent!);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} of kind {TaskKind} created by process {ProcessId}")]
    private static partial void LogCreated(ILogger logger, string taskId, string taskKind, string? processId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} completed with outcome {Outcome}")]
    private static partial void LogCompleted(ILogger logger, string taskId, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} moved from user {FromUserId} to user {ToUserId}")]
    private static partial void LogReassigned(ILogger logger, string taskId, string fromUserId, string toUserId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the process or listeners that task {TaskId} was completed failed; the sweep tries again")]
    private static partial void LogTellFailed(ILogger logger, Exception exception, string taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Process {ProcessId} does not take the command {CompletionEvent} it named for task {TaskId}")]
    private static partial void LogNotTaken(ILogger logger, string taskId, string processId, string completionEvent);
}
