using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Proposals;
using KamFlows.Domain.Tests.Processes;
using Command = KamFlows.Domain.Proposals.ProposalCommand;
using Event = KamFlows.Domain.Proposals.ProposalEvent;

namespace KamFlows.Domain.Tests.Proposals;

/// <summary>The people, terms and starts the proposal tests share: a KAM proposes to two contacts of one account.</summary>
internal static class Proposals
{
    public const string Kam = "kam-1";
    public const string Account = "acc-1";
    public const string Director = "dir-1";
    public const string Alternate = "head-1";

    /// <summary>Friday 27 March 2026, 17:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 27, 17, 0, 0, TimeSpan.Zero);

    public static readonly ProposalFollowUpDefinition V1 = new(1);
    public static readonly ProposalFollowUpDefinition V2 = new(2);

    public static readonly ProposalTerms Terms = new(Account, ["c-1", "c-2"], 120_000m, "BRL", 8m, new DateOnly(2026, 4, 30), "doc-1");

    public static readonly PartyCalendar SaoPaulo = new("BR", "BR-SP", null, "America/Sao_Paulo");

    public static readonly DiscountAuthority Authority = new(5m, Director, SaoPaulo, Alternate, SaoPaulo);

    public static Command.Submit Submit(decimal discount = 8m, ProposalTimings? timings = null) =>
        new(Terms with { DiscountPercent = discount }, timings, Authority);

    public static readonly Sender KamSender = Sender.Person(Kam, [Role.Kam]);

    public static DeciderSpec<ProposalState, Command, Event> Spec(ProposalFollowUpDefinition? definition = null, DateTimeOffset? now = null, Sender? sender = null) =>
        new(definition ?? V1, new DecisionContext(now ?? Now, "proposalfollowup-1", new Dictionary<string, IReadOnlyList<string>>
        {
            [ProposalFollowUpDefinition.Kam] = [Kam],
            [ProposalFollowUpDefinition.Customer] = ["acc-1:c-1", "acc-1:c-2"],
        })
        { Sender = sender ?? KamSender });

    /// <summary>The events of a proposal submitted (and sent) at <see cref="Now"/>.</summary>
    public static Event[] Sent(ProposalTimings? timings = null) =>
    [
        new Event.Submitted(Terms, timings ?? ProposalTimings.Default, Kam, Now),
        new Event.Sent(1, Now),
    ];

    public static Event[] Confirmed() => [.. Sent(), new Event.ReceiptConfirmed(ReceiptConfirmedBy.Link, Now)];

    public static ProcessInput<Command> Woke(string name, DateTimeOffset? due = null) => new ProcessInput<Command>.WokeUp(name, due ?? Now);
}
