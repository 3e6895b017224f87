using KamFlows.Domain.Approvals;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tenders;
using KamFlows.Domain.Tests.Processes;
using Command = KamFlows.Domain.Tenders.TenderCommand;
using Event = KamFlows.Domain.Tenders.TenderEvent;

namespace KamFlows.Domain.Tests.Tenders;

/// <summary>The tender the decider tests share: a KAM in São Paulo registers a tender for 15 December 2026 on 2 March 2026 (9½ months out).</summary>
internal static class Tenders
{
    public const string Kam = "kam-1";
    public const string Head = "head-1";
    public const string Director = "dir-1";
    public const string TenderId = "tender-1";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero); // 12:00 in São Paulo
    public static readonly DateOnly TenderDate = new(2026, 12, 15);
    public static readonly PartyCalendar SaoPaulo = new("BR", "SP", null, "America/Sao_Paulo");
    public static readonly TenderPreparationDefinition Definition = new();

    public static Command.Register Register(DateOnly? tenderDate = null) => new(
        TenderId, "acc-1", "America/Sao_Paulo", "PNCP-2026-0042", tenderDate ?? TenderDate,
        new BidCriteria(4, 18.5m, 3, "Rival SA", 4), TenderTimings.Default, SaoPaulo, SaoPaulo, "https://kamflows.test/api/tenders/tender-1");

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TheParties = new Dictionary<string, IReadOnlyList<string>>
    {
        [TenderPreparationDefinition.Kam] = [Kam],
        [TenderPreparationDefinition.Head] = [Head],
        [TenderPreparationDefinition.Director] = [Director],
    };

    public static DeciderSpec<TenderState, Command, Event> Spec(DateTimeOffset? now = null, Sender? sender = null) =>
        new(Definition, Context(now, sender));

    public static DecisionContext Context(DateTimeOffset? now = null, Sender? sender = null) =>
        new(now ?? Now, "tenderpreparation-1", TheParties) { Sender = sender ?? Sender.System };

    public static Sender KamSender { get; } = Sender.Person(Kam, [Role.Kam]);

    /// <summary>The events of a tender registered at <paramref name="at"/>, as the decider decides them.</summary>
    public static Event[] Registered(DateOnly? tenderDate = null, DateTimeOffset? at = null) =>
        [.. Definition.Decide(new ProcessInput<Command>.Received(Register(tenderDate)), TenderState.New, Context(at)).Events];

    /// <summary>Registered and the bid approved at <paramref name="at"/>.</summary>
    public static Event[] Bidding(DateOnly? tenderDate = null, DateTimeOffset? at = null)
    {
        Event[] registered = Registered(tenderDate, at);
        var state = registered.Aggregate(TenderState.New, Definition.Evolve);
        return [.. registered, .. Definition.Decide(BidApproved(), state, Context(at)).Events];
    }

    public static ProcessInput<Command> BidApproved() => ChildDone(TenderId + "|bid", ApprovalOutcomes.Approved, Verdict.Approve, null);

    public static ProcessInput<Command> ChildDone(string key, string outcome, Verdict? verdict, string? comment) =>
        new ProcessInput<Command>.ChildCompleted("approvalrequest-x", ApprovalRequestDefinition.DefinitionName, key, outcome,
            ProcessJson.Write(new ApprovalResult(outcome, Now, verdict is null ? null : Head, null, verdict is null ? null : DecidedAs.Approver, verdict, comment, [])));

    public static ProcessInput<Command> Woke(string name, DateTimeOffset? at = null) => new ProcessInput<Command>.WokeUp(name, at ?? Now);

    public static Decision<Event> Decide(TenderState state, ProcessInput<Command> input, DateTimeOffset? now = null, Sender? sender = null) =>
        Definition.Decide(input, state, Context(now, sender));

    public static TenderState Fold(IEnumerable<Event> events) => events.Aggregate(TenderState.New, Definition.Evolve);

    /// <summary>Decides and folds: the state after the input, and what was decided.</summary>
    public static (TenderState State, Decision<Event> Decision) Run(TenderState state, ProcessInput<Command> input, DateTimeOffset? now = null, Sender? sender = null) =>
        Definition.Apply(input, state, Context(now, sender));

    public static ProcessInput<Command> Received(Command command) => new ProcessInput<Command>.Received(command);

    public static IReadOnlyList<string> TaskKinds(Decision<Event> decision) =>
        [.. decision.Effects.OfType<KamFlows.Domain.Tasks.CreateTask>().Select(t => t.TaskKind)];

    public static IReadOnlyList<string> WakeNames(Decision<Event> decision) => [.. decision.WakeUps.Select(w => w.Name)];
}
