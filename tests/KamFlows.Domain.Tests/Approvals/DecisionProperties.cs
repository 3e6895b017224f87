using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tests.Processes;
using static KamFlows.Domain.Tests.Approvals.Approvals;
using Command = KamFlows.Domain.Approvals.ApprovalCommand;
using Event = KamFlows.Domain.Approvals.ApprovalEvent;

namespace KamFlows.Domain.Tests.Approvals;

/// <summary>A request with 0–4 sections, someone allowed to decide it (the approver, the delegate, or the alternate once escalated), and a decision.</summary>
public sealed record DecisionCase(IReadOnlyList<ApprovalSection> Sections, bool Escalated, string Decider, ApprovalDecision Decision)
{
    public override string ToString() =>
        $"{Sections.Count} sections, {(Escalated ? "escalated" : "not escalated")}, by {Decider}: "
        + (Decision.Verdict is { } v ? $"{v} \"{Decision.Comment}\"" : string.Join(", ", Decision.Sections!.Select(s => $"{s.SectionId} {s.Verdict} \"{s.Comment}\"")));
}

/// <summary>A <see cref="DecisionCase"/> whose decision may break the rules (a rejection without a comment).</summary>
public sealed record AnyDecisionCase(DecisionCase Case)
{
    public override string ToString() => Case.ToString();
}

public static class DecisionArbitraries
{
    private static readonly Gen<Verdict> Verdicts = Gen.Elements(Verdict.Approve, Verdict.Reject);

    public static Arbitrary<DecisionCase> Valid() => Cases(Gen.Elements<string?>("why", "Too much.")).ToArbitrary();

    public static Arbitrary<AnyDecisionCase> Any() => Cases(Gen.Elements<string?>(null, "", "  ", "why")).Select(c => new AnyDecisionCase(c)).ToArbitrary();

    /// <summary>Cases whose rejections carry comments drawn from <paramref name="rejectionComments"/>.</summary>
    private static Gen<DecisionCase> Cases(Gen<string?> rejectionComments) =>
        from count in Gen.Choose(0, 4)
        from whole in count == 0 ? Gen.Constant(true) : Gen.Elements(true, false)
        from verdicts in Verdicts.ArrayOf(whole ? 1 : count)
        from comments in rejectionComments.ArrayOf(verdicts.Length)
        from decider in Gen.Elements(Director, Deputy, HeadOfKam)
        from escalatedAnyway in Gen.Elements(true, false)
        let sections = Enumerable.Range(1, count).Select(i => new ApprovalSection($"s{i}", $"Section {i}")).ToArray()
        select new DecisionCase(
            sections,
            escalatedAnyway || decider == HeadOfKam,
            decider,
            whole
                ? ApprovalDecision.Whole(verdicts[0], CommentOf(verdicts, comments, 0))
                : ApprovalDecision.BySection([.. sections.Select((s, i) => new SectionVerdict(s.Id, verdicts[i], CommentOf(verdicts, comments, i)))]));

    // Approvals come without a comment, so only a rejection's comment decides whether a case is valid.
    private static string? CommentOf(Verdict[] verdicts, string?[] comments, int i) => verdicts[i] == Verdict.Reject ? comments[i] : null;
}

[Properties(Arbitrary = [typeof(DecisionArbitraries)], MaxTest = 300)]
public sealed class DecisionProperties
{
    private static DeciderSpec<ApprovalState, Command, Event> Pending(DecisionCase c)
    {
        Event[] history = [.. Started(c.Sections), new Event.RoutedToDelegate(Deputy), .. c.Escalated ? [new Event.Escalated(Later)] : Array.Empty<Event>()];
        return Spec(Person(c.Decider), Parties(delegateId: Deputy)).Given(history);
    }

    [Property]
    public bool Any_valid_decision_completes_the_request_exactly_once_with_a_verdict_for_every_section(DecisionCase c)
    {
        var spec = Pending(c);
        var decision = spec.When(new Command.Decide(c.Decision)).ThenOne<Event.Decided>();
        var result = (ApprovalResult)decision.Result!;
        var again = spec.When(new Command.Decide(c.Decision)).Then();

        return decision.Outcome == ApprovalDecisionRules.OutcomeOf(c.Decision)
            && result.Outcome == decision.Outcome
            && result.DecidedBy == c.Decider
            && result.OnBehalfOf == (c.Decider == Director ? null : Director)
            && result.Sections.Select(s => s.SectionId).SequenceEqual(c.Sections.Select(s => s.Id))
            && result.Sections.All(s => s.Verdict == Verdict.Approve || !string.IsNullOrWhiteSpace(s.Comment) || result.Verdict == Verdict.Reject)
            && again.StaleReason == "already decided" && again.Outcome is null;
    }

    [Property]
    public bool A_decision_completes_the_request_if_and_only_if_the_shared_rules_find_no_error(AnyDecisionCase any)
    {
        var c = any.Case;
        var before = Pending(c).State;
        var context = new DecisionContext(Now, "approvalrequest-1", Parties(delegateId: Deputy)) { Sender = Person(c.Decider) };
        var (after, decision) = Definition.Apply(new ProcessInput<Command>.Received(new Command.Decide(c.Decision)), before, context);
        var valid = ApprovalDecisionRules.Validate(c.Decision, c.Sections).Count == 0;

        return valid
            ? decision.Outcome is not null && decision.StaleReason is null && decision.Events is [Event.Decided]
            : decision.Outcome is null && decision.StaleReason!.StartsWith("invalid decision: ", StringComparison.Ordinal) && decision.Events.Count == 0 && ReferenceEquals(after, before);
    }
}
