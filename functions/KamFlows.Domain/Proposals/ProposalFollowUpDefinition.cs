using System.Globalization;
using System.Text.Json;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Email;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using Command = KamFlows.Domain.Proposals.ProposalCommand;
using Event = KamFlows.Domain.Proposals.ProposalEvent;
using Input = KamFlows.Domain.Processes.ProcessInput<KamFlows.Domain.Proposals.ProposalCommand>;

namespace KamFlows.Domain.Proposals;

/// <summary>
/// The follow-up of a commercial proposal, from its submission to its outcome: it emails the
/// proposal with a link to confirm receipt; without a confirmation by the next business day (09:00
/// customer time) the KAM gets a call task; agreed next steps give a meeting task with a reminder the
/// business day before; a reminder comes before the validity date and the proposal expires at it;
/// a win gives the post-win tasks, a loss a loss review, a bounce a task to correct the address.
/// Version 2 adds one rule: a discount above the KAM's limit waits for the account's director
/// (an ApprovalRequest child) before anything is sent. See README.md in this folder.
/// </summary>
public sealed class ProposalFollowUpDefinition(int version) : ProcessDefinition<ProposalState, Command, Event>
{
    public const string DefinitionName = "ProposalFollowUp";

    public const string Kam = "kam";
    public const string Customer = "customer";

    /// <summary>Version 2's parties for the discount approval (on the proposal, so the child can be started from the decider).</summary>
    public const string Director = "director";

    public const string ReceiptCallWakeUp = "receipt-call";
    public const string MeetingReminderWakeUp = "meeting-reminder";
    public const string ValidityReminderWakeUp = "validity-reminder";
    public const string ExpiryWakeUp = "expiry";

    /// <summary>The step every receipt link is issued for: a resend's link revokes the earlier one.</summary>
    public const string ReceiptStep = "receipt";

    public const string BounceEvent = "bounced";
    public const string CallTaskEvent = "call-task-done";
    public const string AddressTaskEvent = "address-task-done";

    /// <summary>Calls, reminders and post-win tasks come at this time of the day.</summary>
    public static readonly TimeOnly NineAm = new(9, 0);

    /// <summary>A proposal expires at the close of business on its validity date (or the last business day before it).</summary>
    public static readonly TimeOnly CloseOfBusiness = new(18, 0);

    private static readonly string[] AllWakeUps = [ReceiptCallWakeUp, MeetingReminderWakeUp, ValidityReminderWakeUp, ExpiryWakeUp];

    public override string Name => DefinitionName;

    public override int Version => version;

    /// <summary>Version 2 on: a discount above the KAM's limit needs the director's approval before sending.</summary>
    public bool GatesDiscount => version >= 2;

    public override ProposalState Initial => ProposalState.New;

    public static ProposalState ReadState(string? json) =>
        json is null ? ProposalState.New : JsonSerializer.Deserialize<ProposalState>(json, ProcessJson.Options) ?? ProposalState.New;

    /// <summary>How a contact is named as a member of the "customer" party (and as a link's recipient).</summary>
    public static string CustomerMember(string accountId, string contactId) => EmailRecipient.ContactKey(accountId, contactId);

    public override SenderRule WhoMaySend(Command command) => command switch
    {
        Command.Submit => SenderRule.Party(Kam),
        Command.ConfirmReceipt => SenderRule.LinkHolderOf(Customer),
        Command.RecordCall or Command.AgreeNextSteps or Command.Extend or Command.RecordOutcome or Command.Cancel or Command.Resend
            => SenderRule.Party(Kam),
        _ => SenderRule.SystemOnly,
    };

    public override string StepOf(ProposalState state) => state.Phase switch
    {
        ProposalPhase.New => "new",
        ProposalPhase.AwaitingApproval => "awaiting-approval",
        ProposalPhase.AwaitingReceipt => "awaiting-receipt",
        ProposalPhase.ReceiptConfirmed when state.NextSteps is not null => "next-steps-agreed",
        ProposalPhase.ReceiptConfirmed => "receipt-confirmed",
        ProposalPhase.Won => "won",
        ProposalPhase.Lost => "lost",
        ProposalPhase.Withdrawn => "withdrawn",
        ProposalPhase.Expired => "expired",
        ProposalPhase.Cancelled => "cancelled",
        ProposalPhase.DiscountRejected => "discount-rejected",
        _ => "refused",
    };

    public override WaitingOn? WaitingOnOf(ProposalState state) => state switch
    {
        { Phase: ProposalPhase.AwaitingApproval, SubmittedAt: { } since } => new WaitingOn(Director, since),
        { Phase: ProposalPhase.AwaitingReceipt, SentAt: { } since } => new WaitingOn(Customer, since),
        { Phase: ProposalPhase.ReceiptConfirmed, ConfirmedAt: { } since } => new WaitingOn(Kam, since),
        _ => null,
    };

    public override Decision<Event> Decide(Input input, ProposalState state, DecisionContext context) => input switch
    {
        Input.Received { Command: Command.Submit s } when state.Phase == ProposalPhase.New => Submitted(s, context),
        Input.Received { Command: Command.Submit } => Decision<Event>.Stale("already submitted"),
        _ when state.Phase == ProposalPhase.New => Decision<Event>.Stale("not submitted yet"),
        _ when state.HasEnded => Decision<Event>.Stale($"the proposal has ended ({StepOf(state)})"),
        Input.ChildCompleted c when state.Phase == ProposalPhase.AwaitingApproval => DiscountDecided(c, state, context),
        Input.Received { Command: Command.Cancel } => Ended(state, new Event.Cancelled(context.Now), "cancelled"),
        Input.AccountReassigned a when a.ToUserId != state.KamUserId =>
            Decision<Event>.Of(new Event.KamChanged(a.ToUserId)).SetParty(Kam, [a.ToUserId]),
        _ when state.Phase == ProposalPhase.AwaitingApproval => Decision<Event>.Stale("the discount awaits the director's decision"),
        Input.Received { Command: Command.ConfirmReceipt } => Confirmed(state, ReceiptConfirmedBy.Link, context),
        Input.Received { Command: Command.RecordCall } => Confirmed(state, ReceiptConfirmedBy.Call, context),
        Input.Received { Command: Command.CallTaskDone { Outcome: ProposalTasks.NoAnswer } } when state.Phase == ProposalPhase.AwaitingReceipt =>
            Decision<Event>.Of(new Event.CallUnanswered(context.Now)).Wake(ReceiptCallWakeUp, NextBusinessMorning(Customer)),
        Input.Received { Command: Command.CallTaskDone } => Confirmed(state, ReceiptConfirmedBy.Call, context, byTheCallTask: true),
        Input.Received { Command: Command.AgreeNextSteps n } => NextSteps(n, state, context),
        Input.Received { Command: Command.Extend e } => Extended(e, state, context),
        Input.Received { Command: Command.RecordOutcome o } => Outcome(o, state, context),
        Input.Received { Command: Command.Bounced b } => Bounced(b, state, context),
        Input.Received { Command: Command.Resend } => Resent(state, context),
        Input.Received { Command: Command.AddressTaskDone { Outcome: ProposalTasks.Resent } } => Resent(state, context),
        Input.Received { Command: Command.AddressTaskDone } => Decision<Event>.Of(new Event.ResendGivenUp(context.Now)),
        Input.WokeUp { Name: ReceiptCallWakeUp } w when state.Phase == ProposalPhase.AwaitingReceipt =>
            Decision<Event>.Of(new Event.CallDue(w.DueAt)).Then(Task(state, ProposalTasks.Call, new TaskDue.At(w.DueAt), CallTaskEvent, [ProposalTasks.Reached, ProposalTasks.NoAnswer])),
        Input.WokeUp { Name: ReceiptCallWakeUp } => Decision<Event>.Stale("receipt is confirmed"),
        Input.WokeUp { Name: MeetingReminderWakeUp } when state.NextSteps is { } next => Decision<Event>.Of(new Event.MeetingReminded(context.Now))
            .Then(KamEmail(state, "proposal-meeting-reminder", new() { ["when"] = Written(next.MeetingAt), ["kind"] = next.Kind.ToString().ToLowerInvariant() })),
        Input.WokeUp { Name: ValidityReminderWakeUp } => Decision<Event>.Of(new Event.ValidityReminded(context.Now))
            .Then(KamEmail(state, "proposal-validity-reminder", new() { ["validUntil"] = Written(state.Terms!.ValidUntil) })),
        Input.WokeUp { Name: ExpiryWakeUp } => Ended(state, new Event.Expired(context.Now), "expired"),
        _ => Decision<Event>.None,
    };

    public override ProposalState Evolve(ProposalState state, Event change) => change switch
    {
        Event.Submitted s => state with { Phase = ProposalPhase.AwaitingReceipt, Terms = s.Terms, Timings = s.Timings, KamUserId = s.KamUserId, SubmittedAt = s.At },
        Event.Refused => state with { Phase = ProposalPhase.Refused },
        Event.DiscountApprovalRequested => state with { Phase = ProposalPhase.AwaitingApproval },
        Event.DiscountApproved => state with { Phase = ProposalPhase.AwaitingReceipt, DiscountApprovalOutcome = ApprovalOutcomes.Approved },
        Event.DiscountRejected r => state with { Phase = ProposalPhase.DiscountRejected, DiscountApprovalOutcome = r.ApprovalOutcome, EndedAt = r.At },
        Event.Sent s => state with { Sendings = s.Sending, SentAt = s.At },
        Event.CallDue => state with { CallTasks = state.CallTasks + 1 },
        Event.ReceiptConfirmed r => state with { Phase = ProposalPhase.ReceiptConfirmed, ConfirmedBy = r.By, ConfirmedAt = r.At },
        Event.NextStepsAgreed n => state with { NextSteps = new AgreedNextSteps(n.Urgency, n.Kind, n.MeetingAt) },
        Event.Extended e => state with { Terms = state.Terms! with { ValidUntil = e.ValidUntil }, Extensions = state.Extensions + 1 },
        Event.EmailBounced b => state with { LastBouncedAt = b.At, LastBounceReason = b.Reason },
        Event.KamChanged k => state with { KamUserId = k.KamUserId },
        Event.Won w => state with { Phase = ProposalPhase.Won, EndedAt = w.At },
        Event.Lost l => state with { Phase = ProposalPhase.Lost, LossReason = l.Reason, EndedAt = l.At },
        Event.Withdrawn w => state with { Phase = ProposalPhase.Withdrawn, EndedAt = w.At },
        Event.Expired e => state with { Phase = ProposalPhase.Expired, EndedAt = e.At },
        Event.Cancelled c => state with { Phase = ProposalPhase.Cancelled, EndedAt = c.At },
        _ => state,
    };

    private Decision<Event> Submitted(Command.Submit submit, DecisionContext context)
    {
        var terms = submit.Terms;
        if (terms.ContactIds is not { Count: > 0 } || string.IsNullOrWhiteSpace(terms.DocumentId) || context.Sender.UserId is not { } kam)
        {
            return Decision<Event>.Of(new Event.Refused("a proposal needs a contact, a document and its KAM")).Complete("refused");
        }

        var timings = submit.Timings ?? ProposalTimings.Default;
        var submitted = new Event.Submitted(terms, timings, kam, context.Now);
        var state = Evolve(ProposalState.New, submitted);
        var validity = PlanValidity(Decision<Event>.Of(submitted), state, terms.ValidUntil);
        if (GatesDiscount && submit.Authority is { } authority && terms.DiscountPercent > authority.LimitPercent)
        {
            var gated = validity with { Events = [.. validity.Events, new Event.DiscountApprovalRequested(terms.DiscountPercent, authority.LimitPercent, authority.DirectorUserId)] };
            return gated.Start(DiscountApproval(terms, authority, kam, context));
        }

        return Send(validity, state, sending: 1, context);
    }

    /// <summary>The director's decision on a discount above the KAM's limit: a child approval request, keyed by this proposal.</summary>
    private static ChildStart DiscountApproval(ProposalTerms terms, DiscountAuthority authority, string kam, DecisionContext context) => new(
        ApprovalRequestDefinition.DefinitionName,
        $"proposal-discount|{context.InstanceId}",
        new ApprovalCommand.Request(
            new ApprovalSummary(
                $"Discount of {terms.DiscountPercent.ToString(CultureInfo.InvariantCulture)}% on a proposal",
                $"A proposal of {terms.Value.ToString("N2", CultureInfo.InvariantCulture)} {terms.Currency}, valid until {Written(terms.ValidUntil)}, "
                + $"with a discount above the KAM's limit of {authority.LimitPercent.ToString(CultureInfo.InvariantCulture)}%."),
            null,
            kam),
        new Dictionary<string, IReadOnlyList<string>>
        {
            [ApprovalRequestDefinition.Approver] = [authority.DirectorUserId],
            [ApprovalRequestDefinition.Alternate] = [authority.AlternateUserId],
            [ApprovalRequestDefinition.Requester] = [kam],
        },
        new Dictionary<string, PartyCalendar>
        {
            [ApprovalRequestDefinition.Approver] = authority.DirectorCalendar,
            [ApprovalRequestDefinition.Alternate] = authority.AlternateCalendar,
        });

    private static Decision<Event> DiscountDecided(Input.ChildCompleted completed, ProposalState state, DecisionContext context)
    {
        if (completed.Outcome == ApprovalOutcomes.Approved)
        {
            var approved = new Event.DiscountApproved(context.Now);
            return Send(Decision<Event>.Of(approved), state, sending: 1, context);
        }

        // Rejected, partly approved, expired, withdrawn, invalid: anything but an approval keeps the proposal unsent.
        return Decision<Event>.Of(new Event.DiscountRejected(completed.Outcome, context.Now))
            .Then(KamEmail(state, "proposal-discount-rejected", new() { ["outcome"] = completed.Outcome }))
            .Cancel(AllWakeUps)
            .Complete("discount-rejected");
    }

    /// <summary>Emails every contact and plans the call for the next business morning, the customer's.</summary>
    private static Decision<Event> Send(Decision<Event> decision, ProposalState state, int sending, DecisionContext context)
    {
        var terms = state.Terms!;
        var sent = decision with { Events = [.. decision.Events, new Event.Sent(sending, context.Now)] };
        return sent.Then([.. terms.ContactIds.Select(c => new ProposalEmail(terms.AccountId, c, state.KamUserId!, sending))])
            .Wake(ReceiptCallWakeUp, NextBusinessMorning(Customer));
    }

    /// <summary>The reminder N business days before the validity date (the KAM's calendar) and the expiry at its close of business (the customer's).</summary>
    private static Decision<Event> PlanValidity(Decision<Event> decision, ProposalState state, DateOnly validUntil) => decision
        .Wake(ValidityReminderWakeUp, new WakeTime.BusinessDaysFrom(validUntil, -state.Timings.ValidityReminderBusinessDays, NineAm, Kam))
        .Wake(ExpiryWakeUp, new WakeTime.BusinessDaysFrom(validUntil, 0, CloseOfBusiness, Customer));

    /// <summary>
    /// Receipt is confirmed: no call is planned any more, and a call task already given has what it
    /// asked for (the customer has the proposal), so it is closed as done, unless it is the call task
    /// itself that told us.
    /// </summary>
    private static Decision<Event> Confirmed(ProposalState state, ReceiptConfirmedBy by, DecisionContext context, bool byTheCallTask = false)
    {
        if (state.Phase != ProposalPhase.AwaitingReceipt)
        {
            return Decision<Event>.None; // confirmed already: a second confirmation changes nothing
        }

        var confirmed = Decision<Event>.Of(new Event.ReceiptConfirmed(by, context.Now)).Cancel(ReceiptCallWakeUp);
        return state.CallTasks > 0 && !byTheCallTask
            ? confirmed.Then(new CloseTasks(state.KamUserId!, state.Terms!.AccountId, [ProposalTasks.Call], CreateTask.Done))
            : confirmed;
    }

    private static Decision<Event> NextSteps(Command.AgreeNextSteps next, ProposalState state, DecisionContext context)
    {
        if (next.At <= context.Now)
        {
            return Decision<Event>.Stale("the agreed time has passed");
        }

        var events = new List<Event>();
        var confirmation = Confirmed(state, ReceiptConfirmedBy.Call, context); // agreeing next steps means the customer has it
        events.AddRange(confirmation.Events);
        events.Add(new Event.NextStepsAgreed(next.Urgency, next.Kind, next.At, context.Now));
        var meetingDay = DateOnly.FromDateTime(next.At.DateTime); // the date as agreed, in the offset it was given with
        var agreed = confirmation with { Events = events };
        return agreed.Then(Task(state, ProposalTasks.Meeting, new TaskDue.At(next.At)))
            .Wake(MeetingReminderWakeUp, new WakeTime.BusinessDaysFrom(meetingDay, -1, NineAm, Kam));
    }

    private static Decision<Event> Extended(Command.Extend extend, ProposalState state, DecisionContext context)
    {
        if (extend.ValidUntil <= state.Terms!.ValidUntil || extend.ValidUntil <= DateOnly.FromDateTime(context.Now.UtcDateTime))
        {
            return Decision<Event>.Stale("an extension is a later validity date, in the future");
        }

        var extended = new Event.Extended(extend.ValidUntil, context.Now);
        return PlanValidity(Decision<Event>.Of(extended), state, extend.ValidUntil);
    }

    private static Decision<Event> Outcome(Command.RecordOutcome outcome, ProposalState state, DecisionContext context)
    {
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        var t = state.Timings;
        return outcome switch
        {
            { Outcome: ProposalOutcome.Won } => Ended(state, new Event.Won(context.Now), "won").Then(
                Task(state, ProposalTasks.DeliveryCall, OnDayAfter(today, t.DeliveryCallAfterDays)),
                Task(state, ProposalTasks.Feedback, OnDayAfter(today, t.FeedbackAfterDays)),
                Task(state, ProposalTasks.Recommendation, OnDayAfter(today, t.RecommendationAfterDays))),
            { Outcome: ProposalOutcome.Lost, Reason: { } reason } => Ended(state, new Event.Lost(reason, context.Now), "lost")
                .Then(Task(state, ProposalTasks.LossReview, new TaskDue.Business(NextBusinessMorning(Kam)))),
            { Outcome: ProposalOutcome.Lost } => Decision<Event>.Stale("a lost proposal needs the reason"),
            _ => Ended(state, new Event.Withdrawn(context.Now), "withdrawn"),
        };
    }

    private static Decision<Event> Bounced(Command.Bounced bounce, ProposalState state, DecisionContext context) =>
        Decision<Event>.Of(new Event.EmailBounced(bounce.Reason, context.Now))
            .Then(Task(state, ProposalTasks.CorrectAddress, new TaskDue.At(context.Now), AddressTaskEvent, [ProposalTasks.Resent, ProposalTasks.GivenUp]));

    private static Decision<Event> Resent(ProposalState state, DecisionContext context) =>
        state.Phase == ProposalPhase.AwaitingReceipt
            ? Send(Decision<Event>.None, state, state.Sendings + 1, context)
            : Decision<Event>.Stale("receipt is confirmed: nothing to resend");

    /// <summary>
    /// The proposal ends (an outcome, the expiry, a cancellation): the follow-up tasks it gave and the
    /// KAM has not completed (the call, the agreed meeting, the address to correct) are no longer
    /// wanted and are closed as cancelled. The tasks an outcome gives are of other kinds and stay.
    /// </summary>
    private static Decision<Event> Ended(ProposalState state, Event ending, string outcome)
    {
        var ended = Decision<Event>.Of(ending).Cancel([.. AllWakeUps]).Complete(outcome);
        var given = FollowUpTasksGiven(state);
        return given.Count > 0 ? ended.Then(new CloseTasks(state.KamUserId!, state.Terms!.AccountId, given, CloseTasks.Cancelled)) : ended;
    }

    /// <summary>The kinds of follow-up task this proposal has given so far (the state counts calls and records next steps and bounces).</summary>
    private static List<string> FollowUpTasksGiven(ProposalState state)
    {
        var kinds = new List<string>();
        if (state.CallTasks > 0)
        {
            kinds.Add(ProposalTasks.Call);
        }

        if (state.NextSteps is not null)
        {
            kinds.Add(ProposalTasks.Meeting);
        }

        if (state.LastBouncedAt is not null)
        {
            kinds.Add(ProposalTasks.CorrectAddress);
        }

        return kinds;
    }

    private static CreateTask Task(ProposalState state, string kind, TaskDue due, string? completion = null, IReadOnlyList<string>? outcomes = null) =>
        new(kind, state.KamUserId!, due, state.Terms!.AccountId, completion, outcomes);

    private static SendEmail KamEmail(ProposalState state, string template, Dictionary<string, string> values) =>
        new(template, EmailRecipient.User(state.KamUserId!), NotificationCategory.Reminder, values, state.Terms!.AccountId);

    private static WakeTime.BusinessDaysLater NextBusinessMorning(string party) => new WakeTime.BusinessDaysLater(1, NineAm, party);

    /// <summary>A task some days after a date, at 09:00 the KAM's time; on a day off, the business day before.</summary>
    private static TaskDue.Business OnDayAfter(DateOnly day, int days) => new TaskDue.Business(new WakeTime.BusinessDaysFrom(day.AddDays(days), 0, NineAm, Kam));

    private static string Written(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Written(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
