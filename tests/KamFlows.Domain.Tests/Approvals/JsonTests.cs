using System.Text.Json;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using static KamFlows.Domain.Tests.Approvals.Approvals;
using Command = KamFlows.Domain.Approvals.ApprovalCommand;

namespace KamFlows.Domain.Tests.Approvals;

/// <summary>Commands as the app sends them, the state as the engine stores it, the result as a parent reads it.</summary>
public sealed class JsonTests
{
    private static readonly IProcessDefinition Erased = Definition;

    private static object Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Erased.ReadCommand(document.RootElement);
    }

    [Fact]
    public void A_decision_reads_from_json_whole_or_by_section()
    {
        var whole = Assert.IsType<Command.Decide>(Read("""{"type":"decide","decision":{"verdict":"Reject","comment":"No."}}"""));
        var bySection = Assert.IsType<Command.Decide>(Read("""{"type":"decide","decision":{"sections":[{"sectionId":"discount","verdict":"Approve"}]}}"""));

        Assert.Equal(ApprovalDecision.Whole(Verdict.Reject, "No."), whole.Decision);
        Assert.Equal(new SectionVerdict("discount", Verdict.Approve), Assert.Single(bySection.Decision.Sections!));
    }

    [Fact]
    public void A_request_without_timings_gets_the_default_ones_and_partial_timings_keep_the_other_default()
    {
        var request = Assert.IsType<Command.Request>(Read("""{"type":"request","summary":{"title":"Plan","text":""},"requesterUserId":"kam-1","timings":{"reminderAfterBusinessDays":2}}"""));

        Assert.Null(request.Sections);
        Assert.Equal(new ApprovalTimings(2, 5), request.Timings);
        Assert.Empty(ApprovalRequestRules.Validate(request, Parties(), Now));
    }

    [Fact]
    public void Commands_round_trip_through_the_engines_json()
    {
        Command[] commands = [Request(deadline: Later), Approve("ok"), new Command.Withdraw(), new Command.DelegationChanged(Deputy, new PartyCalendar("PT", null, null, "Europe/Lisbon"))];

        foreach (var command in commands)
        {
            Assert.Equal(Erased.WriteCommand(command), Erased.WriteCommand(Read(Erased.WriteCommand(command))));
        }
    }

    [Fact]
    public void A_stored_state_reads_back_with_its_sections_and_diffs()
    {
        var state = Spec().When(Request()).State;
        var transition = Erased.Decide(null, new EngineInput.Command(Request()), new DecisionContext(Now, "approvalrequest-1", Parties()));

        var read = ApprovalRequestDefinition.ReadState(transition.StateJson);

        Assert.Equal(state.Summary, read.Summary);
        Assert.Equal(Sections.Select(s => (s.Id, s.Title, s.Diff?.Before, s.Diff?.After)), read.Sections.Select(s => (s.Id, s.Title, s.Diff?.Before, s.Diff?.After)));
        Assert.Equal(Sections[0].Diff!.Lines, read.Sections[0].Diff!.Lines);
        Assert.Equal("awaiting-decision", transition.Step);
        Assert.Equal(["Requested"], transition.EventNames);
    }

    [Fact]
    public void The_parent_reads_the_result_from_the_completion()
    {
        var transition = Erased.Decide(
            ProcessJson.Write(Spec().Given(Started()).State),
            new EngineInput.Command(new Command.Decide(ApprovalDecision.BySection(
                [new SectionVerdict("objectives", Verdict.Approve), new SectionVerdict("discount", Verdict.Reject, "Too much.")]))),
            new DecisionContext(Now, "approvalrequest-1", Parties(delegateId: Deputy)) { Sender = Person(Deputy) });

        var result = ProcessJson.Read<ApprovalResult>(transition.ResultJson);

        Assert.Equal("partly-approved", transition.Outcome);
        Assert.NotNull(result);
        Assert.Equal(("partly-approved", Deputy, Director, DecidedAs.Delegate), (result.Outcome, result.DecidedBy, result.OnBehalfOf, result.As));
        Assert.Equal([new SectionResult("objectives", Verdict.Approve, null), new SectionResult("discount", Verdict.Reject, "Too much.")], result.Sections);
    }
}
