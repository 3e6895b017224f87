using KamFlows.Domain.Processes;
using Event = KamFlows.Domain.Tenders.TenderEvent;

namespace KamFlows.Domain.Tenders;

/// <summary>
/// The tender date moved (or the buyer postponed it): milestones not done are planned again from the
/// new date and their wake-ups re-armed; done ones are kept as they were, even when the new date comes
/// before them. Milestones whose new due day has passed are late: opened at once, due at once.
/// </summary>
internal static class TenderReplanning
{
    public static Decision<Event> ChangeDate(TenderCommand.ChangeDate change, TenderState state, DecisionContext context)
    {
        var tender = state.Tender!;
        var today = TenderPreparationDefinition.Today(tender, context.Now);
        if (state.Phase == TenderPhase.AwaitingOutcome)
        {
            return Decision<Event>.Stale("the bid is submitted already");
        }

        if (change.TenderDate == state.TenderDate)
        {
            return Decision<Event>.None;
        }

        if (TenderRules.DateProblem(change.TenderDate, today) is { } problem)
        {
            return Decision<Event>.Stale(problem);
        }

        if (change.Postponed && change.TenderDate < state.TenderDate)
        {
            return Decision<Event>.Stale("a postponement moves the date later");
        }

        var milestones = TenderSchedule.Replan(state.Milestones, change.TenderDate, today, tender.Timings);
        var checks = TenderSchedule.ReplanChecks(state.CoverageChecks, change.TenderDate, tender.Timings);
        var work = new TenderWork();
        work.Events.Add(new Event.Replanned(change.TenderDate, change.Postponed, milestones, checks, context.Now));
        if (state.Phase == TenderPhase.Preparing)
        {
            TenderMilestones.Arm(work, state with { TenderDate = change.TenderDate, Milestones = milestones, CoverageChecks = checks }, context);
        }

        return work.ToDecision();
    }
}
