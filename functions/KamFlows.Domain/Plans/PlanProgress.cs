using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Plans;

/// <summary>How far a milestone is: its actions done, its value reached, and whether its quarter ended below target.</summary>
public sealed record MilestoneProgress(
    string Id,
    string Quarter,
    decimal Target,
    decimal? Actual,
    int ActionsDone,
    int ActionsTotal,
    IReadOnlyList<string> OverdueActionIds,
    decimal Progress,
    bool Met,
    bool Behind);

/// <summary>How far a goal is: the mean of its milestones' progress, behind when any milestone is.</summary>
public sealed record GoalProgress(
    string Id,
    string Title,
    string Measure,
    decimal Target,
    DateOnly Start,
    DateOnly Due,
    decimal Progress,
    bool Behind,
    IReadOnlyList<MilestoneProgress> Milestones);

/// <summary>
/// Progress rolls up: action done → milestone → goal. A milestone's progress is the share of its
/// actions done; one without actions counts its value instead (actual over target, at most 1). A
/// milestone is met when its recorded actual reaches its target, and behind once its quarter has
/// ended without being met (no actual recorded counts as not reached: nobody checked). A goal's
/// progress is the mean of its milestones'; it is behind when any milestone is. Progress is a
/// fraction from 0 to 1, rounded to four places.
/// </summary>
public static class PlanProgress
{
    public static IReadOnlyList<GoalProgress> Of(AccountPlan plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Goals.Select(goal => Of(goal, today))];
    }

    public static GoalProgress Of(BusinessGoal goal, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var milestones = goal.Milestones.Select(m => Of(m, today)).ToList();
        var progress = milestones.Count == 0 ? 0m : Round(milestones.Average(m => m.Progress));
        return new GoalProgress(goal.Id, goal.Title, goal.Measure, goal.Target, goal.Start, goal.Due, progress, milestones.Any(m => m.Behind), milestones);
    }

    public static MilestoneProgress Of(Milestone milestone, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var done = milestone.Actions.Count(a => a.Done);
        var total = milestone.Actions.Count;
        var met = milestone.Actual is { } actual && actual >= milestone.Target;
        var progress = total > 0 ? Round((decimal)done / total) : ValueProgress(milestone, met);
        var ended = Quarter.TryParse(milestone.Quarter, out var quarter) && today > quarter.LastDay;
        var overdue = milestone.Actions.Where(a => !a.Done && a.Due < today).Select(a => a.Id).ToList();
        return new MilestoneProgress(milestone.Id, milestone.Quarter, milestone.Target, milestone.Actual, done, total, overdue, progress, met, ended && !met);
    }

    private static decimal ValueProgress(Milestone milestone, bool met) => milestone.Actual switch
    {
        null => 0m,
        _ when met => 1m,
        { } actual when milestone.Target > 0 => Round(Math.Clamp(actual / milestone.Target, 0m, 1m)),
        _ => 0m,
    };

    private static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
