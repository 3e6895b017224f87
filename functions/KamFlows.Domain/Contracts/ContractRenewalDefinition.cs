using KamFlows.Domain.Approvals;
using KamFlows.Domain.Email;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using Command = KamFlows.Domain.Contracts.ContractRenewalCommand;
using Event = KamFlows.Domain.Contracts.ContractRenewalEvent;
using Input = KamFlows.Domain.Processes.ProcessInput<KamFlows.Domain.Contracts.ContractRenewalCommand>;

namespace KamFlows.Domain.Contracts;

/// <summary>
/// The renewal of one contract: armed when the contract is stored, it opens a number of days (90)
/// before the notice deadline with a task for the KAM to propose the renewed terms and business-day
/// reminders until they do; the terms go to the approving director as an ApprovalRequest child; a
/// sign-off renews the contract (a new contract, whose own renewal is armed), a refusal sends the KAM
/// back to the terms. The KAM may record instead that the contract ends; deleting the contract cancels
/// the renewal. See README.md in this folder.
/// </summary>
public sealed class ContractRenewalDefinition : ProcessDefinition<ContractRenewalState, Command, Event>
{
    public const string DefinitionName = "ContractRenewal";

    public const string Kam = "kam";
    public const string Director = "director";
    public const string Alternate = "alternate";

    public const string OpenWakeUp = "open";
    public const string RemindWakeUp = "remind";

    public const string TermsTask = "contract-renewal-terms";
    public const string ReviseTask = "contract-renewal-revise";
    public const string ReminderTemplate = "contract-renewal-reminder";

    public static class Outcomes
    {
        public const string Renewed = "renewed";
        public const string Ended = "ended";
        public const string Cancelled = "cancelled";
    }

    /// <summary>Opening and reminders at 09:00 on the KAM's clock; tasks due at 17:00.</summary>
    public static readonly TimeOnly MorningAt = new(9, 0);
    public static readonly TimeOnly DueAt = new(17, 0);

    public override string Name => DefinitionName;

    public override int Version => 1;

    public override ContractRenewalState Initial => ContractRenewalState.New;

    /// <summary>Reads a stored state (null: the initial one), for the contracts API.</summary>
    public static ContractRenewalState ReadState(string? json) =>
        json is null ? ContractRenewalState.New : System.Text.Json.JsonSerializer.Deserialize<ContractRenewalState>(json, ProcessJson.Options) ?? ContractRenewalState.New;

    public override SenderRule WhoMaySend(Command command) => command switch
    {
        Command.ProposeTerms or Command.EndContract => SenderRule.Party(Kam),
        _ => SenderRule.SystemOnly,
    };

    public override string StepOf(ContractRenewalState state) => state.Phase switch
    {
        RenewalPhase.New => "new",
        RenewalPhase.Scheduled => "scheduled",
        RenewalPhase.PreparingTerms => "preparing-terms",
        RenewalPhase.AwaitingSignOff => "awaiting-sign-off",
        RenewalPhase.Renewed => "renewed",
        RenewalPhase.NotRenewed => "ended",
        RenewalPhase.Cancelled => "cancelled",
        _ => "invalid",
    };

    public override WaitingOn? WaitingOnOf(ContractRenewalState state) => state switch
    {
        { Phase: RenewalPhase.PreparingTerms, OpenedAt: { } since } => new WaitingOn(Kam, state.LastRefusal?.At ?? since),
        { Phase: RenewalPhase.AwaitingSignOff, ProposedAt: { } since } => new WaitingOn(Director, since),
        _ => null,
    };

    /// <summary>The business key of the sign-off child of a round: one approval per proposal.</summary>
    public static string SignOffKey(string instanceId, int round) => $"{instanceId}|terms|{round}";

    public override Decision<Event> Decide(Input input, ContractRenewalState state, DecisionContext context) => input switch
    {
        Input.Received { Command: Command.Arm a } when state.Phase == RenewalPhase.New => Armed(a),
        Input.Received { Command: Command.Arm } => Decision<Event>.Stale("already armed"),
        _ when state.Phase == RenewalPhase.New => Decision<Event>.Stale("not armed yet"),
        _ when state.IsOver => Decision<Event>.Stale($"the renewal has ended ({StepOf(state)})"),
        Input.WokeUp { Name: OpenWakeUp } when state.Phase == RenewalPhase.Scheduled => Opened(state, context),
        Input.WokeUp { Name: RemindWakeUp } when state.Phase == RenewalPhase.PreparingTerms => Reminded(state, context),
        Input.WokeUp => Decision<Event>.Stale("nothing to do at this step"),
        Input.Received { Command: Command.ProposeTerms p } => Proposed(p, state, context),
        Input.Received { Command: Command.EndContract e } when state.Phase is RenewalPhase.Scheduled or RenewalPhase.PreparingTerms =>
            Finished(state, new Event.NotRenewed(e.Reason, context.Sender.UserId ?? "system", context.Now), Outcomes.Ended, CreateTask.Done),
        Input.Received { Command: Command.EndContract } => Decision<Event>.Stale("the terms wait for the director's sign-off"),
        Input.Received { Command: Command.Cancel c } =>
            Finished(state, new Event.Cancelled(c.Reason, context.Now), Outcomes.Cancelled, CloseTasks.Cancelled),
        Input.ChildCompleted c when state.Phase == RenewalPhase.AwaitingSignOff && c.BusinessKey == SignOffKey(context.InstanceId, state.Round) =>
            SignedOffOrNot(c, state, context),
        Input.ChildCompleted => Decision<Event>.Stale("not the sign-off this renewal waits for"),
        Input.AccountReassigned r when r.ToUserId != state.KamUserId =>
            Decision<Event>.Of(new Event.KamChanged(r.FromUserId, r.ToUserId)).SetParty(Kam, [r.ToUserId]),
        _ => Decision<Event>.None,
    };

    public override ContractRenewalState Evolve(ContractRenewalState state, Event change) => change switch
    {
        Event.Armed a => state with
        {
            Phase = RenewalPhase.Scheduled,
            AccountId = a.AccountId,
            ContractId = a.ContractId,
            Terms = a.Terms,
            KamUserId = a.KamUserId,
            DirectorUserId = a.DirectorUserId,
            AlternateUserIds = a.AlternateUserIds,
            Calendars = a.Calendars,
            Timings = a.Timings,
            OpensOn = a.OpensOn,
        },
        Event.Opened o => state with { Phase = RenewalPhase.PreparingTerms, OpenedAt = o.At },
        Event.Reminded => state with { Reminders = state.Reminders + 1 },
        Event.TermsProposed p => state with { Phase = RenewalPhase.AwaitingSignOff, ProposedTerms = p.Terms, ProposedAt = p.At, Round = p.Round },
        Event.SignOffRefused r => state with { Phase = RenewalPhase.PreparingTerms, LastRefusal = r },
        Event.Renewed r => state with { Phase = RenewalPhase.Renewed, NewContractId = r.NewContractId },
        Event.NotRenewed n => state with { Phase = RenewalPhase.NotRenewed, EndReason = n.Reason },
        Event.Cancelled c => state with { Phase = RenewalPhase.Cancelled, EndReason = c.Reason },
        Event.KamChanged k => state with { KamUserId = k.ToUserId },
        _ => state,
    };

    private static Decision<Event> Armed(Command.Arm arm)
    {
        var timings = arm.Timings ?? RenewalTimings.Default;
        var opensOn = timings.OpensOn(arm.Terms);
        // On that day, or the business day before it when it is not one: a renewal never opens later than agreed.
        return Decision<Event>.Of(new Event.Armed(
                arm.AccountId, arm.ContractId, arm.Terms, arm.KamUserId, arm.DirectorUserId, arm.AlternateUserIds, arm.Calendars, timings, opensOn))
            .Wake(OpenWakeUp, new WakeTime.BusinessDaysFrom(opensOn, 0, MorningAt, Kam));
    }

    private static Decision<Event> Opened(ContractRenewalState state, DecisionContext context) =>
        Decision<Event>.Of(new Event.Opened(context.Now))
            .Then(new CreateTask(TermsTask, state.KamUserId!, TermsDue(state), state.AccountId))
            .Wake(RemindWakeUp, NextReminder(state));

    private static Decision<Event> Reminded(ContractRenewalState state, DecisionContext context) =>
        Decision<Event>.Of(new Event.Reminded(context.Now))
            .Then(new SendEmail(ReminderTemplate, EmailRecipient.User(state.KamUserId!), NotificationCategory.Reminder,
                Values: new Dictionary<string, string>
                {
                    ["contractEnd"] = state.Terms!.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["noticeDeadline"] = state.Terms.NoticeDeadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                },
                AccountId: state.AccountId))
            .Wake(RemindWakeUp, NextReminder(state));

    private static Decision<Event> Proposed(Command.ProposeTerms propose, ContractRenewalState state, DecisionContext context)
    {
        if (state.Phase == RenewalPhase.AwaitingSignOff)
        {
            return Decision<Event>.Stale("terms wait for the director's sign-off already");
        }

        var errors = ContractRules.ValidateRenewal(state.Terms!, propose.Terms);
        if (errors.Count > 0)
        {
            return Decision<Event>.Stale($"invalid terms: {errors.Describe()}");
        }

        // Proposed before the renewal opened: the KAM is early, which is welcome; the opening is then moot.
        var round = state.Round + 1;
        var child = new ChildStart(
            ApprovalRequestDefinition.DefinitionName,
            SignOffKey(context.InstanceId, round),
            new ApprovalCommand.Request(
                new ApprovalSummary("Contract renewal terms", propose.Comment ?? "Renewed terms of the contract, for your sign-off."),
                [new ApprovalSection("terms", "Terms", new SectionDiff(state.Terms!.Describe(), propose.Terms.Describe()))],
                state.KamUserId!),
            new Dictionary<string, IReadOnlyList<string>>
            {
                [ApprovalRequestDefinition.Approver] = [state.DirectorUserId!],
                [ApprovalRequestDefinition.Alternate] = state.AlternateUserIds,
                [ApprovalRequestDefinition.Requester] = [state.KamUserId!],
            },
            SignOffCalendars(state));
        return Decision<Event>.Of(new Event.TermsProposed(propose.Terms, propose.Comment, context.Sender.UserId ?? state.KamUserId!, round, context.Now))
            .Then(new CloseTasks(state.KamUserId!, state.AccountId!, [TermsTask, ReviseTask], CreateTask.Done))
            .Cancel(RemindWakeUp, OpenWakeUp)
            .Start(child);
    }

    private static Decision<Event> SignedOffOrNot(Input.ChildCompleted completed, ContractRenewalState state, DecisionContext context)
    {
        var result = ProcessJson.Read<ApprovalResult>(completed.ResultJson);
        if (completed.Outcome == ApprovalOutcomes.Approved)
        {
            var newId = RenewContract.IdOfRenewalOf(state.ContractId!);
            var approvedBy = result?.DecidedBy ?? state.DirectorUserId!;
            return Decision<Event>.Of(new Event.Renewed(newId, approvedBy, result?.Comment, context.Now))
                .Then(new RenewContract(state.AccountId!, state.ContractId!, newId, state.ProposedTerms!, approvedBy))
                .Complete(Outcomes.Renewed, new RenewalResult(Outcomes.Renewed, newId, null));
        }

        // Rejected, partly approved, expired, withdrawn or invalid: no sign-off, so the KAM revises the terms.
        return Decision<Event>.Of(new Event.SignOffRefused(completed.Outcome, result?.DecidedBy, result?.Comment, context.Now))
            .Then(new CreateTask(ReviseTask, state.KamUserId!, TermsDue(state), state.AccountId))
            .Wake(RemindWakeUp, NextReminder(state));
    }

    private static Decision<Event> Finished(ContractRenewalState state, Event ending, string outcome, string taskOutcome) =>
        Decision<Event>.Of(ending)
            .Then(new CloseTasks(state.KamUserId!, state.AccountId!, [TermsTask, ReviseTask], taskOutcome))
            .Complete(outcome, new RenewalResult(outcome, null, ending is Event.NotRenewed n ? n.Reason : ((Event.Cancelled)ending).Reason));

    /// <summary>
    /// The terms are due some business days before the notice deadline, on the KAM's calendar (a
    /// contract stored too late for that gives a task overdue at once: the KAM should know).
    /// </summary>
    private static TaskDue.Business TermsDue(ContractRenewalState state) =>
        new TaskDue.Business(new WakeTime.BusinessDaysFrom(state.Terms!.NoticeDeadline, -state.Timings.TermsDueBusinessDays, DueAt, Kam));

    private static WakeTime.BusinessDaysLater NextReminder(ContractRenewalState state) =>
        new WakeTime.BusinessDaysLater(state.Timings.ReminderEveryBusinessDays, MorningAt, Kam);

    private static Dictionary<string, PartyCalendar> SignOffCalendars(ContractRenewalState state)
    {
        var calendars = new Dictionary<string, PartyCalendar>();
        if (state.Calendars.TryGetValue(Director, out var director))
        {
            calendars[ApprovalRequestDefinition.Approver] = director;
        }

        if (state.Calendars.TryGetValue(Alternate, out var alternate))
        {
            calendars[ApprovalRequestDefinition.Alternate] = alternate;
        }

        return calendars;
    }
}

/// <summary>What a finished renewal tells (its outcome, the renewed contract, why it ended).</summary>
public sealed record RenewalResult(string Outcome, string? NewContractId, string? Reason);
