using System.Globalization;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using static KamFlows.Domain.Tenders.TenderPreparationDefinition;
using Event = KamFlows.Domain.Tenders.TenderEvent;

namespace KamFlows.Domain.Tenders;

/// <summary>
/// The two decisions a tender asks for, both approval requests started as children: bid or no bid,
/// by the business unit's head of KAM (the director is the alternate), against the recorded criteria;
/// and the sign-off of the bid by the director (the head of KAM is the alternate), in rounds: a
/// rejection gives the KAM a task to revise the bid, and completing it asks again.
/// </summary>
internal static class TenderApprovals
{
    public const string ReviseTaskKind = "tender-revise-bid";

    public static string BidKey(string tenderId) => $"{tenderId}|bid";

    public static string SignOffKey(string tenderId, int round) => $"{tenderId}|sign-off|{round}";

    public static ChildStart BidDecision(TenderCommand.Register tender, IReadOnlyDictionary<string, IReadOnlyList<string>> parties)
    {
        var c = tender.Criteria;
        var request = new ApprovalCommand.Request(
            new ApprovalSummary(
                $"Bid or no bid: tender {tender.Reference}",
                $"Tender on {tender.TenderDate:yyyy-MM-dd}. Approve to bid; reject, saying why, for no bid (the preparation then ends with that reason)."),
            [
                Criterion("strategic-fit", "Strategic fit", $"{c.StrategicFit} of 5"),
                Criterion("estimated-margin", "Estimated margin", string.Create(CultureInfo.InvariantCulture, $"{c.EstimatedMarginPercent}%")),
                Criterion("buying-group-coverage", "Coverage of the buying group", $"{c.BuyingGroupCoverage} of 5"),
                Criterion("competitors", "Competitors", c.Competitors),
                Criterion("capacity", "Capacity", $"{c.Capacity} of 5"),
            ],
            KamOf(parties));
        return Child(BidKey(tender.TenderId), request, parties, approver: Head, alternate: Director, tender);
    }

    public static ChildStart SignOff(TenderState state, IReadOnlyDictionary<string, IReadOnlyList<string>> parties, int round)
    {
        var tender = state.Tender!;
        var request = new ApprovalCommand.Request(
            new ApprovalSummary(
                $"Sign off the bid: tender {tender.Reference}",
                $"Round {round}. The tender is on {state.TenderDate:yyyy-MM-dd}. Approve the bid as drafted and priced, or reject it saying what to revise."),
            null,
            KamOf(parties));
        return Child(SignOffKey(tender.TenderId, round), request, parties, approver: Director, alternate: Head, tender);
    }

    /// <summary>A child approval ended: the bid decision, or a round of the sign-off.</summary>
    public static Decision<Event> Completed(ProcessInput<TenderCommand>.ChildCompleted completed, TenderState state, DecisionContext context)
    {
        var tender = state.Tender!;
        var result = ProcessJson.Read<ApprovalResult>(completed.ResultJson);
        if (completed.BusinessKey == BidKey(tender.TenderId))
        {
            return state.Phase != TenderPhase.BidDecision ? Decision<Event>.Stale("the bid is decided already") : BidDecided(completed.Outcome, result, state, context);
        }

        if (completed.BusinessKey != SignOffKey(tender.TenderId, state.SignOffRound) || !state.SignOffPending)
        {
            return Decision<Event>.Stale("not the pending sign-off round");
        }

        var work = new TenderWork();
        var round = state.SignOffRound;
        if (completed.Outcome == ApprovalOutcomes.Approved)
        {
            work.Events.Add(new Event.SignOffApproved(round, result?.DecidedBy, context.Now));
            TenderMilestones.TickInto(work, state, TenderMilestone.SignOff, TenderChecklists.SignOffItem, result?.DecidedBy, context);
            return work.ToDecision();
        }

        work.Events.Add(new Event.SignOffRejected(round, result?.Comment, context.Now));
        work.Effects.Add(new Tasks.CreateTask(
            ReviseTaskKind, KamOf(context.Parties),
            new Tasks.TaskDue.Business(new WakeTime.BusinessDaysLater(tender.Timings.ReviseBusinessDays, TenderTimings.DueAt, Account)),
            tender.AccountId, TenderCommand.ItemDoneEvent,
            Title: $"Tender {tender.Reference}: revise the bid (sign-off round {round} was {completed.Outcome})"));
        return work.ToDecision();
    }

    /// <summary>Asks the director for the next round of the sign-off.</summary>
    public static void RequestSignOff(TenderWork work, TenderState state, DecisionContext context)
    {
        var round = state.SignOffRound + 1;
        work.Events.Add(new Event.SignOffRequested(round, context.Now));
        work.Children.Add(SignOff(state, context.Parties, round));
    }

    /// <summary>The approval requests still pending, withdrawn when the tender ends.</summary>
    public static IEnumerable<WithdrawApproval> Pending(TenderState state)
    {
        var id = state.Tender!.TenderId;
        if (state.Phase == TenderPhase.BidDecision)
        {
            yield return new WithdrawApproval(BidKey(id));
        }

        if (state.SignOffPending)
        {
            yield return new WithdrawApproval(SignOffKey(id, state.SignOffRound));
        }
    }

    public static string KamOf(IReadOnlyDictionary<string, IReadOnlyList<string>> parties) =>
        parties.TryGetValue(Kam, out var kam) && kam.Count > 0 ? kam[0] : throw new InvalidOperationException("A tender has a KAM.");

    private static Decision<Event> BidDecided(string outcome, ApprovalResult? result, TenderState state, DecisionContext context)
    {
        switch (outcome)
        {
            case ApprovalOutcomes.Approved:
                var work = new TenderWork();
                work.Events.Add(new Event.BidApproved(result?.DecidedBy, context.Now));
                TenderMilestones.Arm(work, state with { Phase = TenderPhase.Preparing }, context);
                return work.ToDecision();
            case ApprovalOutcomes.Rejected or ApprovalOutcomes.PartlyApproved:
                var reasons = new[] { result?.Comment }.Concat(result?.Sections.Where(s => s.Verdict == Verdict.Reject && !string.IsNullOrWhiteSpace(s.Comment)).Select(s => $"{s.SectionId}: {s.Comment}") ?? [])
                    .Where(r => !string.IsNullOrWhiteSpace(r));
                var reason = string.Join("; ", reasons) is { Length: > 0 } r ? r : "no reason given";
                return Decision<Event>.Of(new Event.NoBid(reason, result?.DecidedBy, context.Now)).Complete("no-bid");
            default:
                return Decision<Event>.Of(new Event.BidUndecided(outcome, context.Now)).Complete("bid-undecided");
        }
    }

    private static ApprovalSection Criterion(string id, string title, string value) => new(id, title, new SectionDiff(After: value));

    private static ChildStart Child(
        string key, ApprovalCommand.Request request, IReadOnlyDictionary<string, IReadOnlyList<string>> parties, string approver, string alternate, TenderCommand.Register tender)
    {
        var calendarOf = new Dictionary<string, PartyCalendar> { [Head] = tender.HeadCalendar, [Director] = tender.DirectorCalendar };
        return new ChildStart(
            ApprovalRequestDefinition.DefinitionName,
            key,
            request,
            new Dictionary<string, IReadOnlyList<string>>
            {
                [ApprovalRequestDefinition.Approver] = Members(parties, approver),
                [ApprovalRequestDefinition.Alternate] = Members(parties, alternate),
                [ApprovalRequestDefinition.Requester] = [KamOf(parties)],
            },
            new Dictionary<string, PartyCalendar>
            {
                [ApprovalRequestDefinition.Approver] = calendarOf[approver],
                [ApprovalRequestDefinition.Alternate] = calendarOf[alternate],
            });
    }

    private static IReadOnlyList<string> Members(IReadOnlyDictionary<string, IReadOnlyList<string>> parties, string party) =>
        parties.TryGetValue(party, out var members) ? members : [];
}
