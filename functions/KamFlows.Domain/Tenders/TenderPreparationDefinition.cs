using System.Text.Json;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Processes;
using Command = KamFlows.Domain.Tenders.TenderCommand;
using Event = KamFlows.Domain.Tenders.TenderEvent;
using Input = KamFlows.Domain.Processes.ProcessInput<KamFlows.Domain.Tenders.TenderCommand>;

namespace KamFlows.Domain.Tenders;

/// <summary>
/// A tender prepared from nine months out: a bid/no-bid decision by the head of KAM, then the
/// milestones of the schedule (each a checklist of tasks, reminded and escalated), the buying-group
/// coverage checks at T−6 and T−3, the director's sign-off in rounds, the submission and the outcome.
/// The schedule is data computed from the tender date and planned again when the date moves.
/// Version 2 also gives the KAM a task to record the outcome once the bid is submitted; version 1
/// stays registered for the tenders started on it. See README.md in this folder.
/// </summary>
public sealed class TenderPreparationDefinition(int version = TenderPreparationDefinition.LatestVersion)
    : ProcessDefinition<TenderState, Command, Event>
{
    public const string DefinitionName = "TenderPreparation";
    public const int LatestVersion = 2;

    public const string Kam = "kam";
    public const string Head = "head";
    public const string Director = "director";

    /// <summary>The party whose calendar the schedule lives by: the account's.</summary>
    public const string Account = "account";

    public override string Name => DefinitionName;

    public override int Version => version;

    public override TenderState Initial => TenderState.New;

    public static TenderState ReadState(string? json) =>
        json is null ? TenderState.New : JsonSerializer.Deserialize<TenderState>(json, ProcessJson.Options) ?? TenderState.New;

    public override SenderRule WhoMaySend(Command command) => command switch
    {
        Command.ChangeDate or Command.TickItem or Command.RecordOutcome or Command.Cancel =>
            SenderRule.AnyOf(SenderRule.Party(Kam), SenderRule.Party(Head)),
        _ => SenderRule.SystemOnly,
    };

    public override string StepOf(TenderState state) => state.Phase switch
    {
        TenderPhase.New => "new",
        TenderPhase.BidDecision => "bid-decision",
        TenderPhase.Preparing => state.Current?.Code ?? "preparing",
        TenderPhase.AwaitingOutcome => "awaiting-outcome",
        TenderPhase.NoBid => "no-bid",
        TenderPhase.Won => "won",
        TenderPhase.Lost => "lost",
        TenderPhase.CancelledByBuyer => "cancelled-by-buyer",
        TenderPhase.Cancelled => "cancelled",
        TenderPhase.Undecided => "bid-undecided",
        _ => "invalid",
    };

    public override WaitingOn? WaitingOnOf(TenderState state) => state switch
    {
        { Phase: TenderPhase.BidDecision, Since: { } since } => new WaitingOn(Head, since),
        { Phase: TenderPhase.Preparing, Since: { } since } => new WaitingOn(Kam, state.Current?.OpenedAt ?? since),
        { Phase: TenderPhase.AwaitingOutcome, Since: { } since } => new WaitingOn(Kam, since),
        _ => null,
    };

    public override Decision<Event> Decide(Input input, TenderState state, DecisionContext context) => (input, state) switch
    {
        (Input.Received { Command: Command.Register r }, { Phase: TenderPhase.New }) => TenderStart.Register(r, context),
        (Input.Received { Command: Command.Register }, _) => Decision<Event>.Stale("the tender is registered already"),
        (_, { Phase: TenderPhase.New }) => Decision<Event>.Stale("the tender is not registered"),
        (_, { IsActive: false }) => Decision<Event>.Stale($"the tender has ended ({StepOf(state)})"),
        (Input.ChildCompleted c, _) => TenderApprovals.Completed(c, state, context),
        (Input.WokeUp w, _) => TenderMilestones.Woke(w.Name, state, context),
        (Input.AccountReassigned a, _) => Decision<Event>.None.SetParty(Kam, [a.ToUserId]),
        (Input.Received { Command: Command.ChangeDate d }, _) => TenderReplanning.ChangeDate(d, state, context),
        (Input.Received { Command: Command.TickItem t }, _) => TenderMilestones.Tick(t, state, context, Version),
        (Input.Received { Command: Command.ItemDone d }, _) => TenderMilestones.TaskDone(d, state, context, Version),
        (Input.Received { Command: Command.CoverageFound f }, _) => TenderMilestones.Coverage(f, state, context),
        (Input.Received { Command: Command.RecordOutcome o }, _) => TenderOutcomes.Record(o, state, context),
        (Input.Received { Command: Command.Cancel c }, _) => TenderOutcomes.Cancel(c, state, context),
        _ => Decision<Event>.None,
    };

    public override TenderState Evolve(TenderState state, Event change) => change switch
    {
        Event.Registered r => state with
        {
            Phase = TenderPhase.BidDecision,
            Tender = r.Tender,
            TenderDate = r.Tender.TenderDate,
            Milestones = r.Milestones,
            CoverageChecks = r.CoverageChecks,
            Warnings = r.Warnings,
            Since = r.At,
        },
        Event.BidApproved b => state with { Phase = TenderPhase.Preparing, Since = b.At },
        Event.NoBid n => state with { Phase = TenderPhase.NoBid, EndReason = n.Reason, Since = n.At },
        Event.BidUndecided u => state with { Phase = TenderPhase.Undecided, EndReason = u.Outcome, Since = u.At },
        Event.MilestoneOpened o => Change(state, o.Milestone, m => m with { Status = MilestoneStatus.Open, OpenedAt = o.At }),
        Event.ItemTicked t => Change(state, t.Milestone, m => m with { DoneItems = [.. m.DoneItems, t.Item] }),
        Event.MilestoneDone d => Done(Change(state, d.Milestone, m => m with { Status = MilestoneStatus.Done, DoneAt = d.At }), d),
        Event.Escalated e => Change(state, e.Milestone, m => m with { Escalated = true }),
        Event.Replanned r => state with
        {
            TenderDate = r.TenderDate,
            Milestones = r.Milestones,
            CoverageChecks = r.CoverageChecks,
            DateChanges = state.DateChanges + 1,
            Warnings = [.. state.Warnings, .. TenderStart.LateWarning(r.Milestones, r.TenderDate, moved: true)],
        },
        Event.CoverageChecked c => state with { CoverageChecks = [.. state.CoverageChecks.Select(k => Checked(k, c, state.CoverageChecks))] },
        Event.SignOffRequested s => state with { SignOffRound = s.Round, SignOffPending = true },
        Event.SignOffRejected => state with { SignOffPending = false },
        Event.SignOffApproved => state with { SignOffPending = false },
        Event.OutcomeRecorded o => state with
        {
            Phase = o.Result switch { TenderResult.Won => TenderPhase.Won, TenderResult.Lost => TenderPhase.Lost, _ => TenderPhase.CancelledByBuyer },
            Result = o.Result,
            Reasons = o.Reasons,
            EndReason = o.Comment,
            Since = o.At,
        },
        Event.Cancelled c => state with { Phase = TenderPhase.Cancelled, EndReason = c.Reason, Since = c.At },
        _ => state,
    };

    /// <summary>The account's date at <paramref name="now"/>: what "today" is for the schedule.</summary>
    internal static DateOnly Today(TenderCommand.Register tender, DateTimeOffset now) =>
        WallClock.DateOf(now, TimeZoneInfo.TryFindSystemTimeZoneById(tender.AccountTimeZone, out var zone) ? zone : TimeZoneInfo.Utc);

    private static TenderState Change(TenderState state, TenderMilestone milestone, Func<PlannedMilestone, PlannedMilestone> change) =>
        state with { Milestones = [.. state.Milestones.Select(m => m.Milestone == milestone ? change(m) : m)] };

    private static TenderState Done(TenderState state, Event.MilestoneDone done) =>
        done.Milestone == TenderMilestone.Submission ? state with { Phase = TenderPhase.AwaitingOutcome, Since = done.At } : state;

    // A later check covers an earlier one it was run in place of (a late start, a date moved earlier): that one is done without gaps of its own.
    private static CoverageCheck Checked(CoverageCheck check, Event.CoverageChecked c, IReadOnlyList<CoverageCheck> all) =>
        check.Name == c.Check ? check with { Done = true, Gaps = c.Gaps, At = c.At }
        : !check.Done && all.FirstOrDefault(k => k.Name == c.Check) is { } ran && check.On <= ran.On ? check with { Done = true }
        : check;
}
