using KamFlows.Domain.Approvals;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Reviews;
using KamFlows.Domain.Tests.Processes;
using Command = KamFlows.Domain.Reviews.QuarterlyReviewCommand;
using Event = KamFlows.Domain.Reviews.QuarterlyReviewEvent;

namespace KamFlows.Domain.Tests.Reviews;

/// <summary>The people, parties and package the review tests share: a KAM's plan, approved by a director, escalated to the head of KAM.</summary>
internal static class Reviews
{
    public const string Kam = "kam-1";
    public const string Head = "head-1";
    public const string Director = "dir-1";
    public const string Alternate = "dir-2";
    public const string Account = "acc-1";
    public const string Quarter = "2026-Q2";

    public static readonly DateTimeOffset Now = new(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);
    public static readonly QuarterlyReviewDefinition Definition = new();
    public static readonly PartyCalendar Lisbon = new("PT", null, null, "Europe/Lisbon");

    public static readonly ReviewPackage Package = new("2026-Q1", [new MilestoneReview("g1", "m1", 800_000m, 850_000m), new MilestoneReview("g1", "m2", 100m, null)],
        new ClassChangeProposal(AccountClass.B, AccountClass.A), 75, [new ReviewRisk(Domain.Portfolio.RiskCause.FallingRevenue, 25)]);

    public static readonly IReadOnlyList<ApprovalSection> Sections =
        [new("objectives", "Objectives", new SectionDiff(Lines: [new(LineChange.Added, "Win the 2027 tender")])), new("goals", "Business goals")];

    private static readonly IReadOnlyList<string> Kams = [Kam];
    private static readonly IReadOnlyList<string> Heads = [Head];
    private static readonly IReadOnlyList<string> Directors = [Director];
    private static readonly IReadOnlyList<string> Alternates = [Alternate];

    public static Dictionary<string, IReadOnlyList<string>> Parties() => new()
    {
        [QuarterlyReviewDefinition.Kam] = Kams,
        [QuarterlyReviewDefinition.HeadOfKam] = Heads,
        [QuarterlyReviewDefinition.Director] = Directors,
        [QuarterlyReviewDefinition.Alternate] = Alternates,
    };

    public static Command.Open Open() => new(Account, Quarter, Package, Lisbon, Lisbon);

    public static DeciderSpec<QuarterlyReviewState, Command, Event> Spec(Sender? sender = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? parties = null, DateTimeOffset? now = null) =>
        new(Definition, new DecisionContext(now ?? Now, "quarterlyreview-1", parties ?? Parties()) { Sender = sender ?? Sender.System });

    public static Sender KamSender => Sender.Person(Kam, [Role.Kam]);

    public static Event[] Opened() =>
        [.. Definition.Decide(new ProcessInput<Command>.Received(Open()), QuarterlyReviewState.New, new DecisionContext(Now, "quarterlyreview-1", Parties())).Events];

    public static Event.Submitted Submitted(int round, int version, DateTimeOffset? at = null) =>
        new(round, version, Sections, $"{Account}|{Quarter}|{round}", at ?? Now);

    public static ProcessInput<Command> Woke(string name) => new ProcessInput<Command>.WokeUp(name, Now);

    public static ApprovalResult Rejected(string comment) =>
        new(ApprovalOutcomes.Rejected, Now, Director, null, DecidedAs.Approver, Verdict.Reject, comment, [new("objectives", Verdict.Reject, null), new("goals", Verdict.Reject, null)]);

    public static ApprovalResult Approved() =>
        new(ApprovalOutcomes.Approved, Now, Director, null, DecidedAs.Approver, Verdict.Approve, "Go", [new("objectives", Verdict.Approve, null), new("goals", Verdict.Approve, null)]);

    public static ProcessInput<Command> Completed(int round, ApprovalResult result) =>
        new ProcessInput<Command>.ChildCompleted("approvalrequest-" + round, ApprovalRequestDefinition.DefinitionName, $"{Account}|{Quarter}|{round}", result.Outcome, ProcessJson.Write(result));

    /// <summary>The wake-ups of a decision as (name, when), to compare by value.</summary>
    public static (string, WakeTime)[] Wakes(Decision<Event> decision) => [.. decision.WakeUps.Select(w => (w.Name, w.When))];
}
