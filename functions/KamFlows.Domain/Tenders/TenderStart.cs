using KamFlows.Domain.Processes;
using Event = KamFlows.Domain.Tenders.TenderEvent;

namespace KamFlows.Domain.Tenders;

/// <summary>Registering a tender: its schedule from the tender date, a warning when it starts late, and the bid/no-bid request.</summary>
internal static class TenderStart
{
    public static Decision<Event> Register(TenderCommand.Register tender, DecisionContext context)
    {
        var today = TenderPreparationDefinition.Today(tender, context.Now);
        var milestones = TenderSchedule.Plan(tender.TenderDate, today, tender.Timings);
        var work = new TenderWork();
        work.Events.Add(new Event.Registered(
            tender, milestones, TenderSchedule.CoverageChecks(tender.TenderDate, tender.Timings),
            LateWarning(milestones, tender.TenderDate, moved: false), context.Now));
        work.Children.Add(TenderApprovals.BidDecision(tender, context.Parties));
        return work.ToDecision();
    }

    /// <summary>The warning a schedule with late milestones gives: which ones are late and that they are due at once.</summary>
    public static IReadOnlyList<string> LateWarning(IReadOnlyList<PlannedMilestone> milestones, DateOnly tenderDate, bool moved)
    {
        var late = milestones.Where(m => m.LateStart && !m.IsDone).Select(m => m.Code).ToList();
        if (late.Count == 0)
        {
            return [];
        }

        var which = string.Join(", ", late);
        return [moved
            ? $"The tender date moved to {tenderDate:yyyy-MM-dd}: {which} are late and due at once."
            : $"Late start: the tender on {tenderDate:yyyy-MM-dd} is too close for the full schedule; {which} were due already and are due at once."];
    }
}
