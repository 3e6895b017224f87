using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using static KamFlows.Domain.Tenders.TenderPreparationDefinition;
using Event = KamFlows.Domain.Tenders.TenderEvent;

namespace KamFlows.Domain.Tenders;

/// <summary>
/// How a tender ends. Won (after the submission): contract kickoff, an escort plan over the first 90
/// days, a request for a letter of recommendation. Lost (after the submission): a loss review, with
/// the reasons recorded. Called off by the buyer, or cancelled by us, at any time. Approval requests
/// still pending are withdrawn, so nobody is asked to decide about a tender that has ended.
/// </summary>
internal static class TenderOutcomes
{
    public const string KickoffTaskKind = "tender-contract-kickoff";
    public const string EscortTaskKind = "tender-escort";
    public const string RecommendationTaskKind = "tender-recommendation-letter";
    public const string LossReviewTaskKind = "tender-loss-review";

    public static Decision<Event> Record(TenderCommand.RecordOutcome outcome, TenderState state, DecisionContext context)
    {
        var reasons = (outcome.Reasons ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        var recorded = new Event.OutcomeRecorded(outcome.Result, reasons, outcome.Comment, context.Sender.UserId, context.Now);
        if (outcome.Result == TenderResult.CancelledByBuyer)
        {
            return Decision<Event>.Of(recorded).Then([.. TenderApprovals.Pending(state)]).Then([.. LeftOpen(state, context, recordedOutcome: false)]).Complete("cancelled-by-buyer");
        }

        if (state.Phase != TenderPhase.AwaitingOutcome)
        {
            return Decision<Event>.Stale("the bid has not been submitted yet");
        }

        var tender = state.Tender!;
        var kam = TenderApprovals.KamOf(context.Parties);
        if (outcome.Result == TenderResult.Lost)
        {
            if (TenderRules.OutcomeProblem(outcome.Result, reasons) is { } problem)
            {
                return Decision<Event>.Stale(problem);
            }

            return Decision<Event>.Of(recorded)
                .Then([.. LeftOpen(state, context, recordedOutcome: true)])
                .Then(new CreateTask(LossReviewTaskKind, kam, Due(new WakeTime.BusinessDaysLater(5, TenderTimings.DueAt, Account)), tender.AccountId,
                    Title: $"Tender {tender.Reference}: review the loss ({string.Join("; ", reasons)})"))
                .Complete("lost");
        }

        var today = Today(tender, context.Now);
        var days = tender.Timings.EscortDays;
        var escort = new[] { days / 3, days * 2 / 3, days }.Distinct().Select(d => new CreateTask(
            EscortTaskKind, kam, Due(new WakeTime.BusinessDaysFrom(today.AddDays(d), 0, TenderTimings.WorkAt, Account)), tender.AccountId,
            Title: $"Tender {tender.Reference}: contract escort, day {d} of {days}"));
        return Decision<Event>.Of(recorded)
            .Then([.. LeftOpen(state, context, recordedOutcome: true)])
            .Then(new CreateTask(KickoffTaskKind, kam, Due(new WakeTime.BusinessDaysLater(2, TenderTimings.DueAt, Account)), tender.AccountId,
                Title: $"Tender {tender.Reference}: contract kickoff"))
            .Then([.. escort])
            .Then(new CreateTask(RecommendationTaskKind, kam, Due(new WakeTime.BusinessDaysFrom(today.AddDays(days), 0, TenderTimings.WorkAt, Account)), tender.AccountId,
                Title: $"Tender {tender.Reference}: ask for a letter of recommendation"))
            .Complete("won");
    }

    public static Decision<Event> Cancel(TenderCommand.Cancel cancel, TenderState state, DecisionContext context) =>
        Decision<Event>.Of(new Event.Cancelled(cancel.Reason, context.Sender.UserId, context.Now))
            .Then([.. TenderApprovals.Pending(state)])
            .Then([.. LeftOpen(state, context, recordedOutcome: false)])
            .Complete("cancelled");

    /// <summary>
    /// The tender ends: the preparation's tasks the KAM has not completed (checklist items, coverage
    /// gaps, a bid to revise) are no longer wanted and are closed as cancelled; the task to record the
    /// outcome is done when the outcome was recorded. Before the bid was decided no task was given.
    /// The tasks the outcome itself gives (kickoff, escort, loss review) are of other kinds and stay.
    /// </summary>
    private static IEnumerable<CloseTasks> LeftOpen(TenderState state, DecisionContext context, bool recordedOutcome)
    {
        if (state.Phase == TenderPhase.BidDecision)
        {
            yield break;
        }

        var kam = TenderApprovals.KamOf(context.Parties);
        var accountId = state.Tender!.AccountId;
        if (recordedOutcome)
        {
            yield return new CloseTasks(kam, accountId, [TenderMilestones.RecordOutcomeTaskKind], CreateTask.Done);
        }

        IReadOnlyList<string> work =
        [
            .. TenderChecklists.InOrder.SelectMany(m => TenderChecklists.Items(m).Select(i => TenderChecklists.TaskKind(m, i))),
            .. GapTaskKinds,
            TenderApprovals.ReviseTaskKind,
            .. recordedOutcome ? Array.Empty<string>() : [TenderMilestones.RecordOutcomeTaskKind],
        ];
        yield return new CloseTasks(kam, accountId, work, CloseTasks.Cancelled);
    }

    private static readonly string[] GapTaskKinds =
        ["tender-coverage-missing-decision-maker", "tender-coverage-missing-influencer", "tender-coverage-stale-contact"];

    private static TaskDue.Business Due(WakeTime when) => new TaskDue.Business(when);
}
