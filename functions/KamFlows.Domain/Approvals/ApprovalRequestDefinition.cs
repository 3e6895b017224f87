using System.Text.Json;
using KamFlows.Domain.Processes;
using Command = KamFlows.Domain.Approvals.ApprovalCommand;
using Event = KamFlows.Domain.Approvals.ApprovalEvent;
using Input = KamFlows.Domain.Processes.ProcessInput<KamFlows.Domain.Approvals.ApprovalCommand>;

namespace KamFlows.Domain.Approvals;

/// <summary>
/// A decision someone must take, started as a child by the process that needs it (a quarterly plan
/// review, a tender sign-off): it emails the approver (or the approver's delegate) a link, reminds,
/// escalates to the alternate, follows the approver's delegation, and ends approved, rejected,
/// partly approved, expired or withdrawn, telling the parent who decided, for whom, and why.
/// See README.md in this folder.
/// </summary>
public sealed class ApprovalRequestDefinition : ProcessDefinition<ApprovalState, Command, Event>
{
    public const string DefinitionName = "ApprovalRequest";

    public const string Approver = "approver";
    public const string Delegates = "approver.delegates";
    public const string Alternate = "alternate";
    public const string Requester = "requester";

    public const string RemindWakeUp = "remind";
    public const string EscalateWakeUp = "escalate";
    public const string DeadlineWakeUp = "deadline";

    /// <summary>The step every link of a request is issued for: one decision, whichever email carried the link.</summary>
    public const string DecisionStep = "decision";

    /// <summary>Reminders and escalations come at this time of the approver's day.</summary>
    public static readonly TimeOnly ChaseAt = new(9, 0);

    public override string Name => DefinitionName;

    public override int Version => 1;

    public override ApprovalState Initial => ApprovalState.New;

    /// <summary>Reads a stored state (null: the initial one), for the approval page and the email.</summary>
    public static ApprovalState ReadState(string? json) =>
        json is null ? ApprovalState.New : JsonSerializer.Deserialize<ApprovalState>(json, ProcessJson.Options) ?? ApprovalState.New;

    public override SenderRule WhoMaySend(Command command) => command switch
    {
        // The approver includes the approver's delegates; whether the alternate may decide yet is the decider's to say.
        Command.Decide => SenderRule.AnyOf(SenderRule.Party(Approver), SenderRule.Party(Alternate)),
        Command.Withdraw => SenderRule.AnyOf(SenderRule.SystemOnly, SenderRule.Party(Requester)),
        _ => SenderRule.SystemOnly,
    };

    public override string StepOf(ApprovalState state) => state.Phase switch
    {
        ApprovalPhase.New => "new",
        ApprovalPhase.AwaitingDecision => "awaiting-decision",
        ApprovalPhase.Escalated => "escalated",
        ApprovalPhase.Decided => "decided",
        ApprovalPhase.Expired => "expired",
        ApprovalPhase.Withdrawn => "withdrawn",
        _ => "invalid",
    };

    public override WaitingOn? WaitingOnOf(ApprovalState state) => state switch
    {
        { Phase: ApprovalPhase.AwaitingDecision, RequestedAt: { } since } => new WaitingOn(Approver, since),
        { Phase: ApprovalPhase.Escalated, EscalatedAt: { } since } => new WaitingOn(Alternate, since),
        _ => null,
    };

    public override Decision<Event> Decide(Input input, ApprovalState state, DecisionContext context) => input switch
    {
        Input.Received { Command: Command.Request r } when state.Phase == ApprovalPhase.New => Start(r, context),
        Input.Received { Command: Command.Request } => Decision<Event>.Stale("already requested"),
        _ when state.Phase == ApprovalPhase.New => Decision<Event>.Stale("not requested yet"),
        _ when state.Phase == ApprovalPhase.Decided => Decision<Event>.Stale("already decided"),
        _ when !state.IsPending => Decision<Event>.Stale($"the request has ended ({StepOf(state)})"),
        Input.Received { Command: Command.Decide d } => Decided(d.Decision, state, context),
        Input.Received { Command: Command.Withdraw } => Ended(new Event.Withdrawn(
            ApprovalResult.Undecided(ApprovalOutcomes.Withdrawn, context.Now, context.Sender.UserId))),
        Input.Received { Command: Command.DelegationChanged c } => Delegation.Changed(c, state),
        Input.WokeUp { Name: RemindWakeUp } when state.HolderUserId is { } holder =>
            Decision<Event>.Of(new Event.Reminded(holder, context.Now)).Then(EmailToHolder(state, ApprovalEmailPurpose.Reminder)),
        Input.WokeUp { Name: EscalateWakeUp } when state.Phase == ApprovalPhase.Escalated => Decision<Event>.Stale("already escalated"),
        Input.WokeUp { Name: EscalateWakeUp } => Decision<Event>.Of(new Event.Escalated(context.Now))
            .Then([.. state.AlternateUserIds.Select(a => EmailTo(a, ApprovalEmailPurpose.Escalation, state.ApproverUserId))]),
        Input.WokeUp { Name: DeadlineWakeUp } => Ended(new Event.Expired(ApprovalResult.Undecided(ApprovalOutcomes.Expired, context.Now))),
        _ => Decision<Event>.None,
    };

    public override ApprovalState Evolve(ApprovalState state, Event change) => change switch
    {
        Event.Requested r => state with
        {
            Phase = ApprovalPhase.AwaitingDecision,
            Summary = r.Summary,
            Sections = r.Sections,
            RequesterUserId = r.RequesterUserId,
            ApproverUserId = r.ApproverUserId,
            AlternateUserIds = r.AlternateUserIds,
            Deadline = r.Deadline,
            Timings = r.Timings,
            RequestedAt = r.At,
        },
        Event.RequestRefused r => state with { Phase = ApprovalPhase.Invalid, Errors = r.Errors, Result = r.Result },
        Event.RoutedToDelegate r => state with { DelegateUserId = r.DelegateUserId },
        Event.DelegateRefused r => state with { RefusedDelegates = [.. state.RefusedDelegates, new RefusedDelegate(r.DelegateUserId, r.Reason)] },
        Event.DelegationEnded => state with { DelegateUserId = null },
        Event.Reminded => state with { Reminders = state.Reminders + 1 },
        Event.Escalated e => state with { Phase = ApprovalPhase.Escalated, EscalatedAt = e.At },
        Event.Decided d => state with { Phase = ApprovalPhase.Decided, Result = d.Result },
        Event.Expired e => state with { Phase = ApprovalPhase.Expired, Result = e.Result },
        Event.Withdrawn w => state with { Phase = ApprovalPhase.Withdrawn, Result = w.Result },
        _ => state,
    };

    /// <summary>An email with a link to decide, for one recipient.</summary>
    internal static ApprovalEmail EmailTo(string recipient, ApprovalEmailPurpose purpose, string? onBehalfOf = null) =>
        new(recipient, purpose, DecisionStep, onBehalfOf);

    /// <summary>An email to whoever holds the request: the delegate on the approver's behalf, else the approver.</summary>
    internal static ApprovalEmail EmailToHolder(ApprovalState state, ApprovalEmailPurpose purpose) =>
        state.DelegateUserId is { } delegateId ? EmailTo(delegateId, purpose, state.ApproverUserId) : EmailTo(state.ApproverUserId!, purpose);

    private static Decision<Event> Start(Command.Request request, DecisionContext context)
    {
        var errors = ApprovalRequestRules.Validate(request, context.Parties, context.Now);
        if (errors.Count > 0)
        {
            var result = ApprovalResult.Undecided(ApprovalOutcomes.Invalid, context.Now);
            return Decision<Event>.Of(new Event.RequestRefused(errors, result)).Complete(ApprovalOutcomes.Invalid, result);
        }

        var timings = request.Timings ?? ApprovalTimings.Default;
        var requested = new Event.Requested(
            request.Summary, request.Sections ?? [], request.RequesterUserId,
            ApprovalRequestRules.Members(context.Parties, Approver)[0], ApprovalRequestRules.Members(context.Parties, Alternate),
            request.Deadline, timings, context.Now);
        var decision = Delegation.AtStart(requested, ApprovalRequestRules.Members(context.Parties, Delegates))
            .Wake(RemindWakeUp, new WakeTime.BusinessDaysLater(timings.ReminderAfterBusinessDays, ChaseAt, Approver))
            .Wake(EscalateWakeUp, new WakeTime.BusinessDaysLater(timings.EscalationAfterBusinessDays, ChaseAt, Approver));
        return request.Deadline is { } deadline ? decision.Wake(DeadlineWakeUp, new WakeTime.At(deadline)) : decision;
    }

    private static Decision<Event> Decided(ApprovalDecision decision, ApprovalState state, DecisionContext context)
    {
        if (context.Sender.UserId is not { } sender || state.RequesterUserId is not { } requester)
        {
            return Decision<Event>.Stale("only a signed-in approver decides");
        }

        if (DelegationRule.IsOwnRequest(sender, requester))
        {
            return Decision<Event>.Stale("no one decides their own request");
        }

        DecidedAs? capacity = Holds(context, Approver, sender) ? DecidedAs.Approver
            : Holds(context, Delegates, sender) ? DecidedAs.Delegate
            : Holds(context, Alternate, sender) ? DecidedAs.Alternate
            : null;
        switch (capacity)
        {
            case null:
                return Decision<Event>.Stale("not an approver of this request");
            case DecidedAs.Alternate when state.Phase != ApprovalPhase.Escalated:
                return Decision<Event>.Stale("not escalated to you");
        }

        var errors = ApprovalDecisionRules.Validate(decision, state.Sections);
        if (errors.Count > 0)
        {
            return Decision<Event>.Stale($"invalid decision: {errors.Describe()}");
        }

        return Ended(new Event.Decided(new ApprovalResult(
            ApprovalDecisionRules.OutcomeOf(decision),
            context.Now,
            sender,
            capacity == DecidedAs.Approver ? null : state.ApproverUserId,
            capacity,
            decision.Verdict,
            decision.Comment,
            SectionResults(decision, state.Sections))));
    }

    /// <summary>A verdict for every section: its own, or the whole decision's.</summary>
    private static List<SectionResult> SectionResults(ApprovalDecision decision, IReadOnlyList<ApprovalSection> sections) =>
        decision.Verdict is { } whole
            ? [.. sections.Select(s => new SectionResult(s.Id, whole, null))]
            : [.. sections.Select(s => decision.Sections!.First(v => v.SectionId == s.Id)).Select(v => new SectionResult(v.SectionId, v.Verdict, v.Comment))];

    private static Decision<Event> Ended(Event ending)
    {
        var result = ending switch
        {
            Event.Decided d => d.Result,
            Event.Expired e => e.Result,
            Event.Withdrawn w => w.Result,
            _ => throw new ArgumentException("Not an ending.", nameof(ending)),
        };
        return Decision<Event>.Of(ending).Complete(result.Outcome, result);
    }

    private static bool Holds(DecisionContext context, string party, string userId) =>
        ApprovalRequestRules.Members(context.Parties, party).Contains(userId, StringComparer.Ordinal);
}
