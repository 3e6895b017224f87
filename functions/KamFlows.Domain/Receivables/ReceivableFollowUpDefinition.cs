using System.Globalization;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using Command = KamFlows.Domain.Receivables.ReceivableFollowUpCommand;
using Event = KamFlows.Domain.Receivables.ReceivableFollowUpEvent;
using Input = KamFlows.Domain.Processes.ProcessInput<KamFlows.Domain.Receivables.ReceivableFollowUpCommand>;

namespace KamFlows.Domain.Receivables;

/// <summary>
/// The collection of one overdue document: a task for the KAM 1, 7 and 15 business days after its due
/// date (on the KAM's calendar; configurable), a task for the business unit's head of KAM at 30; a
/// later import that moves the due date moves what has not happened yet; the first full snapshot
/// that no longer lists the document ends it as paid, closing its open tasks (a partial import never closes anything: the
/// app sends Paid only for a full snapshot).
/// </summary>
public sealed class ReceivableFollowUpDefinition : ProcessDefinition<ReceivableFollowUpState, Command, Event>
{
    public const string DefinitionName = "ReceivableFollowUp";

    public const string Kam = "kam";
    public const string HeadOfKam = "head-of-kam";

    public const string CollectTask = "collect-receivable";
    public const string EscalatedTask = "collect-receivable-escalated";

    public const string Paid = "paid";

    /// <summary>Tasks come at 09:00 of the business day, due at 17:00 the same day.</summary>
    public static readonly TimeOnly MorningAt = new(9, 0);
    public static readonly TimeOnly DueAt = new(17, 0);

    public override string Name => DefinitionName;

    public override int Version => 1;

    public override ReceivableFollowUpState Initial => ReceivableFollowUpState.New;

    public static string WakeUpFor(int businessDays) => "overdue-" + businessDays.ToString(CultureInfo.InvariantCulture);

    public override SenderRule WhoMaySend(Command command) => SenderRule.SystemOnly;

    public override string StepOf(ReceivableFollowUpState state) => state switch
    {
        { Phase: FollowUpPhase.New } => "new",
        { Phase: FollowUpPhase.Paid } => "paid",
        { Escalated: true } => "escalated",
        { ActedOn.Count: > 0 } => "overdue",
        _ => "open",
    };

    public override WaitingOn? WaitingOnOf(ReceivableFollowUpState state) => null;

    public override Decision<Event> Decide(Input input, ReceivableFollowUpState state, DecisionContext context) => input switch
    {
        Input.Received { Command: Command.Open o } when state.Phase == FollowUpPhase.New => Opened(o, context),
        Input.Received { Command: Command.Open } => Decision<Event>.Stale("already following this document up"),
        _ when state.Phase == FollowUpPhase.New => Decision<Event>.Stale("not opened yet"),
        _ when state.Phase == FollowUpPhase.Paid => Decision<Event>.Stale("paid"),
        Input.Received { Command: Command.Seen s } => Seen(s, state, context),
        Input.Received { Command: Command.Paid p } => PaidOff(p, state, context),
        Input.WokeUp w => Overdue(w.Name, state, context),
        _ => Decision<Event>.None,
    };

    public override ReceivableFollowUpState Evolve(ReceivableFollowUpState state, Event change) => change switch
    {
        Event.Opened o => state with { Phase = FollowUpPhase.Open, Document = o.Document, Timings = o.Timings },
        Event.Rescheduled r => state with { Document = state.Document! with { DueDate = r.DueDate, Amount = r.Amount, Currency = r.Currency } },
        Event.KamTasked k => state with { ActedOn = ActedOnUpTo(state, k.BusinessDaysOverdue) },
        Event.Escalated e => state with { ActedOn = ActedOnUpTo(state, e.BusinessDaysOverdue), Escalated = true },
        Event.PaidOff p => state with { Phase = FollowUpPhase.Paid, PaidAt = p.At },
        _ => state,
    };

    /// <summary>
    /// A stage acted on passes the earlier ones too: a document imported long overdue wakes every past
    /// stage at once, and the KAM gets the latest one's task, not one per stage.
    /// </summary>
    private static IReadOnlyList<int> ActedOnUpTo(ReceivableFollowUpState state, int stage) =>
        [.. state.ActedOn.Union(Stages(state.Timings).Where(d => d <= stage)).Order()];

    private static IEnumerable<int> Stages(FollowUpTimings timings) => timings.KamTaskDays.Append(timings.EscalationDay);

    private static Decision<Event> Opened(Command.Open open, DecisionContext context)
    {
        var timings = open.Timings ?? FollowUpTimings.Default;
        return Schedule(Decision<Event>.Of(new Event.Opened(open.Document, timings, context.Now)), open.Document.DueDate, timings, []);
    }

    /// <summary>Only a new due date moves the wake-ups; stages already acted on are not repeated.</summary>
    private static Decision<Event> Seen(Command.Seen seen, ReceivableFollowUpState state, DecisionContext context)
    {
        var document = state.Document!;
        if (seen.DueDate == document.DueDate && seen.Amount == document.Amount && seen.Currency == document.Currency)
        {
            return Decision<Event>.None;
        }

        var decision = Decision<Event>.Of(new Event.Rescheduled(seen.DueDate, seen.Amount, seen.Currency, context.Now));
        return seen.DueDate == document.DueDate ? decision : Schedule(decision, seen.DueDate, state.Timings, state.ActedOn);
    }

    private static Decision<Event> Schedule(Decision<Event> decision, DateOnly due, FollowUpTimings timings, IReadOnlyList<int> done) =>
        Stages(timings).Where(d => !done.Contains(d)).Aggregate(decision, (next, days) =>
            next.Wake(WakeUpFor(days), new WakeTime.BusinessDaysFrom(due, days, MorningAt, Kam)));

    /// <summary>Paid: nothing more to wake up for, and the collection tasks still open are done.</summary>
    private static Decision<Event> PaidOff(Command.Paid paid, ReceivableFollowUpState state, DecisionContext context)
    {
        var decision = Decision<Event>.Of(new Event.PaidOff(paid.ImportId, context.Now)).Cancel([.. Stages(state.Timings).Select(WakeUpFor)]);
        var accountId = state.Document!.AccountId;
        if (state.ActedOn.Count > 0)
        {
            decision = decision.Then(new CloseTasks(context.Parties[Kam][0], accountId, [CollectTask], CreateTask.Done));
        }

        if (state.Escalated)
        {
            decision = decision.Then(new CloseTasks(context.Parties[HeadOfKam][0], accountId, [EscalatedTask], CreateTask.Done));
        }

        return decision.Complete(Paid);
    }

    private static Decision<Event> Overdue(string wakeUp, ReceivableFollowUpState state, DecisionContext context)
    {
        var stage = Stages(state.Timings).FirstOrDefault(d => WakeUpFor(d) == wakeUp);
        if (stage == 0 || state.ActedOn.Contains(stage))
        {
            return Decision<Event>.Stale("not a stage of this follow-up, or already acted on");
        }

        var document = state.Document!;
        var title = $"{document.Document} {document.Amount.ToString(CultureInfo.InvariantCulture)} {document.Currency}, due {document.DueDate:yyyy-MM-dd}, {stage} business days overdue";
        // Due at the end of the stage's own business day: a document imported long overdue gets a task that says so.
        var due = new TaskDue.Business(new WakeTime.BusinessDaysFrom(document.DueDate, stage, DueAt, Kam));
        if (stage == state.Timings.EscalationDay)
        {
            return Decision<Event>.Of(new Event.Escalated(stage, context.Now)).Then(
                new CreateTask(EscalatedTask, context.Parties[HeadOfKam][0], due, document.AccountId, Title: title));
        }

        return Decision<Event>.Of(new Event.KamTasked(stage, context.Now)).Then(
            new CreateTask(CollectTask, context.Parties[Kam][0], due, document.AccountId, Title: title));
    }
}
