using System.Text.Json;

namespace KamFlows.Domain.Plans;

/// <summary>
/// How one section of a draft differs from the last approved version. For the list sections, which
/// items came, went or changed: strings by their text, portfolio lines by name, goals by id.
/// </summary>
public sealed record SectionDiff(PlanSection Section, bool Changed, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Modified);

/// <summary>
/// The diff between a draft and the last approved version, section by section: the sections an
/// approval request shows. What happened while carrying the plan out (an action done, a milestone's
/// actual value) is progress, not a change of plan, so it is left out of the comparison. With no
/// approved version yet, everything the draft holds is new.
/// </summary>
public static class PlanDiff
{
    private static readonly AccountPlan Empty = new("", new FinancialSummary("", 0, 0, null), new CustomerOverview("", []), [], [], [], [], []);

    public static IReadOnlyList<SectionDiff> Between(AccountPlan? approved, AccountPlan draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var before = approved ?? Empty;
        return
        [
            Whole(PlanSection.Mission, before.Mission, draft.Mission),
            Whole(PlanSection.FinancialSummary, before.FinancialSummary, draft.FinancialSummary),
            Whole(PlanSection.CustomerOverview, before.CustomerOverview, draft.CustomerOverview),
            Items(PlanSection.CriticalSuccessFactors, before.CriticalSuccessFactors, draft.CriticalSuccessFactors, s => s),
            Items(PlanSection.Portfolio, before.Portfolio, draft.Portfolio, l => l.Line),
            Items(PlanSection.Assumptions, before.Assumptions, draft.Assumptions, s => s),
            Items(PlanSection.Objectives, before.Objectives, draft.Objectives, s => s),
            Items(PlanSection.Goals, [.. before.Goals.Select(AsPlanned)], [.. draft.Goals.Select(AsPlanned)], g => g.Id),
        ];
    }

    /// <summary>A goal as planned: without what was done or reached since.</summary>
    private static BusinessGoal AsPlanned(BusinessGoal goal) => goal with
    {
        Milestones = [.. goal.Milestones.Select(m => m with { Actual = null, Actions = [.. m.Actions.Select(a => a with { Done = false })] })],
    };

    private static SectionDiff Whole<T>(PlanSection section, T before, T after) =>
        new(section, Json(before) != Json(after), [], [], []);

    private static SectionDiff Items<T>(PlanSection section, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key)
    {
        var old = before.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Json(g.First()), StringComparer.Ordinal);
        var now = after.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Json(g.First()), StringComparer.Ordinal);
        var added = now.Keys.Where(k => !old.ContainsKey(k)).ToList();
        var removed = old.Keys.Where(k => !now.ContainsKey(k)).ToList();
        var modified = now.Keys.Where(k => old.TryGetValue(k, out var was) && was != now[k]).ToList();
        // Order counts too (priorities are listed first): a reordered list is a changed section.
        var changed = added.Count + removed.Count + modified.Count > 0 || Json(before) != Json(after);
        return new SectionDiff(section, changed, added, removed, modified);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
