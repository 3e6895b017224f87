using KamFlows.Domain.Approvals;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tests.Processes;
using Command = KamFlows.Domain.Approvals.ApprovalCommand;
using Event = KamFlows.Domain.Approvals.ApprovalEvent;

namespace KamFlows.Domain.Tests.Approvals;

/// <summary>The people, parties and requests the approval tests share: a KAM asks, a director approves, the head of KAM is the alternate.</summary>
internal static class Approvals
{
    public const string Kam = "kam-1";
    public const string Director = "dir-1";
    public const string Deputy = "dir-2";
    public const string HeadOfKam = "head-1";
    public const string Stranger = "kam-9";

    public static readonly DateTimeOffset Now = new(2026, 10, 20, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = Now.AddDays(3);
    public static readonly ApprovalRequestDefinition Definition = new();

    public static readonly ApprovalSummary Summary = new("Q4 plan for Acme", "New objectives and a 7% discount.");

    public static readonly IReadOnlyList<ApprovalSection> Sections =
    [
        new("objectives", "Objectives", new SectionDiff(Lines: [new(LineChange.Removed, "Grow 5%"), new(LineChange.Added, "Grow 8%")])),
        new("discount", "Discount", new SectionDiff("5%", "7%")),
    ];

    public static Command.Request Request(IReadOnlyList<ApprovalSection>? sections = null, DateTimeOffset? deadline = null, ApprovalTimings? timings = null) =>
        new(Summary, sections ?? Sections, Kam, deadline, timings);

    // One list per party for all tests, so events holding them compare equal.
    private static readonly IReadOnlyList<string> Approvers = [Director];
    private static readonly IReadOnlyList<string> Alternates = [HeadOfKam];
    private static readonly IReadOnlyList<string> Requesters = [Kam];

    public static Dictionary<string, IReadOnlyList<string>> Parties(string? delegateId = null)
    {
        var parties = new Dictionary<string, IReadOnlyList<string>>
        {
            [ApprovalRequestDefinition.Approver] = Approvers,
            [ApprovalRequestDefinition.Alternate] = Alternates,
            [ApprovalRequestDefinition.Requester] = Requesters,
        };
        if (delegateId is not null)
        {
            parties[ApprovalRequestDefinition.Delegates] = [delegateId];
        }

        return parties;
    }

    public static Sender Person(string userId) => Sender.Person(userId, [Role.Director]);

    public static DeciderSpec<ApprovalState, Command, Event> Spec(
        Sender? sender = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? parties = null, DateTimeOffset? now = null) =>
        new(Definition, new DecisionContext(now ?? Now, "approvalrequest-1", parties ?? Parties()) { Sender = sender ?? Sender.System });

    /// <summary>The events of a request started now with the standard parties and sections, as the decider decides them.</summary>
    public static Event[] Started(IReadOnlyList<ApprovalSection>? sections = null, DateTimeOffset? deadline = null) =>
        [.. Definition.Decide(new ProcessInput<Command>.Received(Request(sections, deadline)), ApprovalState.New,
            new DecisionContext(Now, "approvalrequest-1", Parties())).Events];

    public static Event[] Escalated(IReadOnlyList<ApprovalSection>? sections = null) =>
        [.. Started(sections), new Event.Escalated(Later)];

    public static ProcessInput<Command> Woke(string name) => new ProcessInput<Command>.WokeUp(name, Later);

    public static Command.Decide Approve(string? comment = null) => new(ApprovalDecision.Whole(Verdict.Approve, comment));

    public static Command.Decide Reject(string? comment) => new(ApprovalDecision.Whole(Verdict.Reject, comment));

    /// <summary>The party changes of a decision, members joined by commas, so they compare by content.</summary>
    public static (string Party, string Members, PartyCalendar? Calendar)[] Changes(Decision<Event> decision) =>
        [.. decision.PartyChanges.Select(c => (c.Party, string.Join(',', c.Members), c.Calendar))];

    public static ApprovalEmail EmailTo(string to, ApprovalEmailPurpose purpose, string? onBehalfOf = null) =>
        new(to, purpose, ApprovalRequestDefinition.DecisionStep, onBehalfOf);
}
