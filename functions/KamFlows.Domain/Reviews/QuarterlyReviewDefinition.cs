using System.Text.Json;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using Command = KamFlows.Domain.Reviews.QuarterlyReviewCommand;
using Event = KamFlows.Domain.Reviews.QuarterlyReviewEvent;
using Input = KamFlows.Domain.Processes.ProcessInput<KamFlows.Domain.Reviews.QuarterlyReviewCommand>;

namespace KamFlows.Domain.Reviews;

/// <summary>
/// The quarterly review of one account plan: opened for the KAM with the review package (email and a
/// task due ten business days later), chased (reminders, escalation to the head of KAM), submitted as
/// a plan version, approved by the account's director through an <see cref="ApprovalRequestDefinition"/>
/// child per round, sent back with the comments as often as the director rejects, and closed when
/// approved (the version frozen, the class change applied). See README.md in this folder.
/// </summary>
public sealed class QuarterlyReviewDefinition : ProcessDefinition<QuarterlyReviewState, Command, Event>
{
    public const string DefinitionName = "QuarterlyReview";

    public const string Kam = "kam";
    public const string HeadOfKam = "head";
    public const string Director = "director";
    public const string Alternate = "alternate";

    public const string RemindBeforeWakeUp = "remind-before";
    public const string RemindOnDueWakeUp = "remind-due";
    public const string OverdueWakeUp = "overdue";
    public const string EscalateWakeUp = "escalate";

    public const string ReviewTask = "quarterly-review";
    public const string RevisionTask = "quarterly-review-revision";

    private static readonly string[] TurnWakeUps = [RemindBeforeWakeUp, RemindOnDueWakeUp, OverdueWakeUp, EscalateWakeUp];

    /// <summary>The tasks a review gives the KAM: closed when the KAM submits (done) and when the review ends (cancelled).</summary>
    private static readonly string[] KamTasks = [ReviewTask, RevisionTask];

    public override string Name => DefinitionName;

    public override int Version => 1;

    public override QuarterlyReviewState Initial => QuarterlyReviewState.New;

    /// <summary>The business key of a review: one per account and quarter, so a second start finds the first.</summary>
    public static string BusinessKeyOf(string accountId, string quarter) => $"{accountId}|{quarter}";

    /// <summary>Reads a stored state (null: the initial one), for the quarter's overview.</summary>
    public static QuarterlyReviewState ReadState(string? json) =>
        json is null ? QuarterlyReviewState.New : JsonSerializer.Deserialize<QuarterlyReviewState>(json, ProcessJson.Options) ?? QuarterlyReviewState.New;

    public override SenderRule WhoMaySend(Command command) => command switch
    {
        Command.Submit => SenderRule.Party(Kam),
        _ => SenderRule.SystemOnly,
    };

    public override string StepOf(QuarterlyReviewState state) => state.Phase switch
    {
        ReviewPhase.New => "new",
        ReviewPhase.WithKam => "with-kam",
        ReviewPhase.AwaitingApproval => "awaiting-approval",
        ReviewPhase.Revising => "revising",
        ReviewPhase.Approved => "approved",
        _ => "refused",
    };

    public override WaitingOn? WaitingOnOf(QuarterlyReviewState state) => state switch
    {
        { WithTheKam: true, Since: { } since } => new WaitingOn(Kam, since),
        { Phase: ReviewPhase.AwaitingApproval, Since: { } since } => new WaitingOn(Director, since),
        _ => null,
    };

    public override Decision<Event> Decide(Input input, QuarterlyReviewState state, DecisionContext context) => input switch
    {
        Input.Received { Command: Command.Open o } when state.Phase == ReviewPhase.New => Open(o, context),
        Input.Received { Command: Command.Open } => Decision<Event>.Stale("already open"),
        _ when state.Phase == ReviewPhase.New => Decision<Event>.Stale("not open yet"),
        _ when state.Phase is ReviewPhase.Approved or ReviewPhase.Refused => Decision<Event>.Stale("the review is closed"),
        Input.Received { Command: Command.Submit s } when state.WithTheKam => Submit(s, state, context),
        Input.Received { Command: Command.Submit } => Decision<Event>.Stale("submitted already: waiting for the approver's decision"),
        Input.AccountReassigned r when r.FromUserId == state.KamUserId && r.ToUserId != state.KamUserId =>
            Decision<Event>.Of(new Event.KamChanged(r.FromUserId, r.ToUserId)).SetParty(Kam, [r.ToUserId]),
        Input.AccountReassigned => Decision<Event>.None,
        Input.WokeUp when !state.WithTheKam => Decision<Event>.Stale("not with the KAM"),
        Input.WokeUp { Name: RemindBeforeWakeUp or RemindOnDueWakeUp } w => Decision<Event>.Of(new Event.Reminded(w.Name, context.Now))
            .Then(ReviewEmails.ReminderTo(state.KamUserId!, state.AccountId!, state.Quarter!, w.Name == RemindBeforeWakeUp ? "before-due" : "due")),
        Input.WokeUp { Name: OverdueWakeUp } => state.Overdue ? Decision<Event>.Stale("overdue already") : Decision<Event>.Of(new Event.BecameOverdue(context.Now)),
        Input.WokeUp { Name: EscalateWakeUp } => state.EscalatedAt is not null
            ? Decision<Event>.Stale("escalated already")
            : Decision<Event>.Of(new Event.Escalated(context.Now)).Then(ReviewEmails.EscalationTo(state.HeadOfKamUserId!, state.AccountId!, state.Quarter!, state.KamUserId!)),
        Input.ChildCompleted c when state.Phase == ReviewPhase.AwaitingApproval && c.BusinessKey == state.CurrentRound?.ApprovalKey => Decided(c, state, context),
        Input.ChildCompleted => Decision<Event>.Stale("not the approval of the current round"),
        _ => Decision<Event>.None,
    };

    public override QuarterlyReviewState Evolve(QuarterlyReviewState state, Event change) => change switch
    {
        Event.Opened o => state with
        {
            Phase = ReviewPhase.WithKam,
            AccountId = o.AccountId,
            Quarter = o.Quarter,
            Package = o.Package,
            KamUserId = o.KamUserId,
            HeadOfKamUserId = o.HeadOfKamUserId,
            DirectorUserId = o.DirectorUserId,
            AlternateUserIds = o.AlternateUserIds,
            DirectorCalendar = o.DirectorCalendar,
            AlternateCalendar = o.AlternateCalendar,
            Timings = o.Timings,
            OpenedAt = o.At,
            Since = o.At,
        },
        Event.Refused r => state with { Phase = ReviewPhase.Refused, ClosedAt = r.At },
        Event.Reminded => state with { Reminders = state.Reminders + 1 },
        Event.BecameOverdue => state with { Overdue = true },
        Event.Escalated e => state with { EscalatedAt = e.At },
        Event.KamChanged k => state with { KamUserId = k.ToUserId },
        Event.Submitted s => state with
        {
            Phase = ReviewPhase.AwaitingApproval,
            Since = s.At,
            Overdue = false,
            EscalatedAt = null,
            Rounds = [.. state.Rounds, new ReviewRound(s.Round, s.PlanVersion, s.ApprovalKey, s.At)],
        },
        Event.SentBack b => state with { Phase = ReviewPhase.Revising, Since = b.At, Rounds = Ended(state, b.Round, b.Result) },
        Event.Approved a => state with { Phase = ReviewPhase.Approved, Since = null, ClosedAt = a.At, Rounds = Ended(state, a.Round, a.Result) },
        _ => state,
    };

    private static Decision<Event> Open(Command.Open open, DecisionContext context)
    {
        if (QuarterlyReviewRules.Problem(open, context.Parties) is { } problem)
        {
            return Decision<Event>.Of(new Event.Refused(problem, context.Now)).Complete("refused");
        }

        var timings = open.Timings ?? ReviewTimings.Default;
        var kam = Members(context, Kam)[0];
        var opened = new Event.Opened(
            open.AccountId, open.Quarter, open.Package, kam, Members(context, HeadOfKam)[0], Members(context, Director)[0], Members(context, Alternate),
            open.DirectorCalendar, open.AlternateCalendar, timings, context.Now);
        return Turn(Decision<Event>.Of(opened), timings, timings.SubmitWithinBusinessDays)
            .Then(
                ReviewEmails.OpenedTo(kam, open.AccountId, open.Quarter, open.Package),
                new CreateTask(ReviewTask, kam, new TaskDue.Business(ReviewTimings.DueOf(timings.SubmitWithinBusinessDays, Kam)), open.AccountId));
    }

    private static Decision<Event> Submit(Command.Submit submit, QuarterlyReviewState state, DecisionContext context)
    {
        if (submit.PlanVersion < 1 || submit.Sections is not { Count: > 0 })
        {
            return Decision<Event>.Stale("a submission names a plan version and its sections");
        }

        var round = state.Rounds.Count + 1;
        var key = $"{state.AccountId}|{state.Quarter}|{round}";
        var kam = state.KamUserId!;
        var child = new ChildStart(
            ApprovalRequestDefinition.DefinitionName,
            key,
            new ApprovalCommand.Request(ReviewEmails.SummaryOf(state.Quarter!, submit.PlanVersion, state.Package!), submit.Sections, kam),
            new Dictionary<string, IReadOnlyList<string>>
            {
                [ApprovalRequestDefinition.Approver] = [state.DirectorUserId!],
                [ApprovalRequestDefinition.Alternate] = state.AlternateUserIds,
                [ApprovalRequestDefinition.Requester] = [kam],
            },
            new Dictionary<string, PartyCalendar>
            {
                [ApprovalRequestDefinition.Approver] = state.DirectorCalendar!,
                [ApprovalRequestDefinition.Alternate] = state.AlternateCalendar!,
            });
        // The KAM's task of this turn (the review's, or the revision's after a send-back) asked for
        // exactly this submission: it is done, whether or not the KAM ticked it in the task list.
        return Decision<Event>.Of(new Event.Submitted(round, submit.PlanVersion, submit.Sections, key, context.Now))
            .Cancel(TurnWakeUps)
            .Then(new CloseTasks(kam, state.AccountId!, KamTasks, CreateTask.Done))
            .Start(child);
    }

    private static Decision<Event> Decided(Input.ChildCompleted completed, QuarterlyReviewState state, DecisionContext context)
    {
        var round = state.CurrentRound!;
        var result = ProcessJson.Read<ApprovalResult>(completed.ResultJson) ?? ApprovalResult.Undecided(completed.Outcome, context.Now);
        var kam = state.KamUserId!;
        var accountId = state.AccountId!;
        if (completed.Outcome == ApprovalOutcomes.Approved)
        {
            return Decision<Event>.Of(new Event.Approved(round.Number, result, context.Now))
                .Then(
                    new ReviewDecision(accountId, round.PlanVersion, true, result.Comment, result.DecidedBy!, state.Package?.ClassChange?.To),
                    ReviewEmails.ApprovedTo(kam, accountId, state.Quarter!, round.PlanVersion),
                    // Nothing should be open after the submission closed the turn's task; one created late (its effect
                    // retried after the submission) would stay open for a review that is over.
                    new CloseTasks(kam, accountId, KamTasks, CloseTasks.Cancelled))
                .Complete("approved");
        }

        var timings = state.Timings;
        var back = Turn(Decision<Event>.Of(new Event.SentBack(round.Number, result, context.Now)), timings, timings.ReviseWithinBusinessDays)
            .Then(
                ReviewEmails.SentBackTo(kam, accountId, state.Quarter!, round.Number, result),
                new CreateTask(RevisionTask, kam, new TaskDue.Business(ReviewTimings.DueOf(timings.ReviseWithinBusinessDays, Kam)), accountId));
        // Only a decision decides the version; one that expired or was withdrawn stays submitted until the next supersedes it.
        return result.DecidedBy is { } by
            ? back.Then(new ReviewDecision(accountId, round.PlanVersion, false, result.Comment, by, null))
            : back;
    }

    /// <summary>The KAM's turn: due that many business days from now, with its reminders and escalation.</summary>
    private static Decision<Event> Turn(Decision<Event> decision, ReviewTimings timings, int dueInBusinessDays) =>
        timings.WakeUpsOf(dueInBusinessDays, Kam).Aggregate(decision, (d, w) => d.Wake(w.Name, w.When));

    private static IReadOnlyList<ReviewRound> Ended(QuarterlyReviewState state, int number, ApprovalResult result) =>
        [.. state.Rounds.Select(r => r.Number == number
            ? r with { Outcome = result.Outcome, EndedAt = result.At, DecidedByUserId = result.DecidedBy, Comment = result.Comment, Sections = result.Sections }
            : r)];

    private static IReadOnlyList<string> Members(DecisionContext context, string party) => QuarterlyReviewRules.Members(context.Parties, party);
}
