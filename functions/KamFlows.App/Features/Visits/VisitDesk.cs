using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Tasks;
using KamFlows.Domain.Visits;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Visits;

public enum VisitAnswer
{
    Changed,
    NotFound,
    Invalid,
}

/// <summary>What the KAM does with a planned visit: move it to another business day, or record it.</summary>
public sealed class VisitDesk(
    TaskStore taskStore, TaskLifecycle tasks, VisitStore visits, UserDirectory users, AccountStore accounts, ContactStore contacts,
    DossierLog log, WeekPlanning planning, IOptions<VisitsOptions> options, TimeProvider clock)
{
    /// <summary>The caller's open visit or call task and its visit.</summary>
    private async Task<(WorkTask Task, Versioned<Visit> Visit, User Kam)?> FindAsync(string taskId, string userId, CancellationToken ct)
    {
        if (!TaskIds.IsWellFormed(taskId) || await taskStore.FindAsync(taskId, ct) is not { Value: var task }
            || !WeekPlanning.IsVisitTask(task) || task.AssigneeUserId != userId
            || task.SourceKey!.Split('|') is not [_, var accountId, var weekText, var kamId]
            || !IsoWeek.TryParse(weekText, out var week)
            || await visits.FindAsync(accountId, week, kamId, ct) is not { } visit
            || await users.FindAsync(userId, ct) is not { } kam)
        {
            return null;
        }

        return (task, visit, kam.Value);
    }

    /// <summary>Moves the visit to <paramref name="on"/>: a business day of the KAM's calendar in the visit's week, today or later. Moving it to its day again changes nothing.</summary>
    public async Task<(VisitAnswer Answer, Visit? Visit, string? Problem)> MoveAsync(string taskId, string userId, DateOnly on, CancellationToken ct)
    {
        if (await FindAsync(taskId, userId, ct) is not var (task, visit, kam))
        {
            return (VisitAnswer.NotFound, null, null);
        }

        var calendar = planning.CalendarOf(kam);
        if (visit.Value.Status == VisitStatus.Done)
        {
            return (VisitAnswer.Invalid, visit.Value, "The visit is recorded already.");
        }

        if (!calendar.Calendar.IsBusinessDay(on))
        {
            return (VisitAnswer.Invalid, visit.Value, "That day is not a business day of your calendar.");
        }

        // Within its week: the week's cadence stays true, and next week's visit of the account is its own.
        if (IsoWeek.Of(on).ToString() != visit.Value.Week)
        {
            return (VisitAnswer.Invalid, visit.Value, $"A visit moves within its week ({visit.Value.Week}).");
        }

        if (on < calendar.DateOf(clock.GetUtcNow()))
        {
            return (VisitAnswer.Invalid, visit.Value, "That day is past.");
        }

        // The plan's own day is kept, so a page can say the visit was moved (and from when).
        var moved = visit.Value.PlannedOn == on ? visit.Value : visit.Value with { PlannedOn = on, MovedFrom = visit.Value.MovedFrom ?? visit.Value.PlannedOn };
        if (visit.Value.PlannedOn != on)
        {
            await visits.UpdateAsync(moved, visit.ETag, ct);
        }

        // Also when the row had moved already: a first attempt may have stopped before the task followed.
        if (task.IsOpen)
        {
            await tasks.ReviseAsync(task.Id, task.Title, new TaskDue.AssigneeLocal(on, options.Value.DueAt), ct);
        }

        return (VisitAnswer.Changed, moved, null);
    }

    /// <summary>
    /// Records the visit: an entry of the interaction log (its id chosen first and kept on the visit, so
    /// a retry writes the same entry), the last interaction of the contacts met, the task closed as
    /// done, the visit done. Each step is safe to repeat.
    /// </summary>
    public async Task<(VisitAnswer Answer, Visit? Visit, string? Problem)> RecordAsync(string taskId, string userId, VisitRecordInput input, CancellationToken ct)
    {
        if (await FindAsync(taskId, userId, ct) is not var (task, visit, _))
        {
            return (VisitAnswer.NotFound, null, null);
        }

        var accountId = visit.Value.AccountId;
        var people = await contacts.AllAsync(accountId, ct);
        var met = (input.ContactIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (met.Any(c => !people.TryGetValue(c, out var p) || p.Erased))
        {
            return (VisitAnswer.Invalid, visit.Value, "These are not all contacts of the account.");
        }

        if (input.OccurredAt!.Value > clock.GetUtcNow())
        {
            return (VisitAnswer.Invalid, visit.Value, "A visit is recorded once it took place.");
        }

        var current = visit;
        if (current.Value.InteractionId is null)
        {
            var chosen = current.Value with { InteractionId = log.NewId() };
            await visits.UpdateAsync(chosen, current.ETag, ct);
            current = (await visits.FindAsync(accountId, IsoWeekOf(chosen), chosen.KamUserId, ct))!;
        }

        await log.AddAsync(accountId, new InteractionInput(current.Value.Kind, input.OccurredAt, input.Summary, [.. met]), userId, ct, current.Value.InteractionId);
        var account = (await accounts.FindAsync(accountId, ct))!.Value;
        var on = WallClock.DateOf(input.OccurredAt.Value, TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone));
        foreach (var contactId in met)
        {
            await MarkMetAsync(accountId, contactId, on, ct);
        }

        if (task.IsOpen)
        {
            await tasks.CloseAsync(task.Id, CreateTask.Done, ct);
        }

        var done = current.Value with { Status = VisitStatus.Done, DoneAt = current.Value.DoneAt ?? clock.GetUtcNow() };
        if (current.Value.Status != VisitStatus.Done)
        {
            await visits.UpdateAsync(done, current.ETag, ct);
        }

        return (VisitAnswer.Changed, done, null);
    }

    private static IsoWeek IsoWeekOf(Visit visit) => IsoWeek.TryParse(visit.Week, out var week) ? week : throw new InvalidOperationException("A stored visit has no week.");

    /// <summary>The contact's last interaction moves to <paramref name="on"/>, never back.</summary>
    private async Task MarkMetAsync(string accountId, string contactId, DateOnly on, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await contacts.FindAsync(accountId, contactId, ct) is not { } found || found.Value.LastInteractionOn >= on)
            {
                return;
            }

            try
            {
                await contacts.UpdateAsync(found.Value with { LastInteractionOn = on }, found.ETag, ct);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // changed meanwhile: read again
            }
        }
    }
}
