using KamFlows.Domain.Accounts;
using KamFlows.Domain.Calendar;

namespace KamFlows.Domain.Plans;

/// <summary>One step of a stage's playbook: what to do, and within how many business days of entering the stage.</summary>
public sealed record PlaybookStep(string Key, string Title, int DueInBusinessDays);

/// <summary>
/// Moving an account to a relationship stage gives its owner the tasks of that stage's playbook
/// (Early-KAM: map the decision-making group; Partnership-KAM: review the joint business plan), due
/// in business days of the account's calendar from the day of the move. Each move of the account
/// has its number, so the keys of one move are stable (a retried move asks for the same tasks) and a
/// later move to the same stage asks for new ones.
/// </summary>
public static class StagePlaybook
{
    public static IReadOnlyList<TaskRequest> TasksOnEntering(
        string accountId, RelationshipStage stage, int moveNumber, DateOnly enteredOn, string ownerUserId, IReadOnlyList<PlaybookStep> steps, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(calendar);
        return
        [
            .. steps.Select(step => new TaskRequest(
                $"stage-playbook:{accountId}:{moveNumber:D6}:{step.Key}",
                PlanTaskKind.StagePlaybook,
                accountId,
                ownerUserId,
                DueOn(enteredOn, step.DueInBusinessDays, calendar),
                step.Title,
                PlanTaskStatus.Open,
                $"stage/{moveNumber}/{stage}/{step.Key}")),
        ];
    }

    // Zero days means the day of the move itself, or the next business day when that is not one.
    private static DateOnly DueOn(DateOnly enteredOn, int businessDays, BusinessCalendar calendar) =>
        businessDays > 0 ? calendar.AddBusinessDays(enteredOn, businessDays)
        : calendar.IsBusinessDay(enteredOn) ? enteredOn : calendar.NextBusinessDay(enteredOn);
}
