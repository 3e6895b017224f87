using KamFlows.Domain.Processes;
using KamFlows.Domain.Processes.EngineCheck;
using Command = KamFlows.Domain.Processes.EngineCheck.EngineCheckCommand;
using Event = KamFlows.Domain.Processes.EngineCheck.EngineCheckEvent;

namespace KamFlows.Domain.Tests.Processes;

public sealed class EngineCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly EngineCheckDefinition Definition = new();

    private static DeciderSpec<EngineCheckState, Command, Event> Spec() =>
        new(Definition, new DecisionContext(Now, "enginecheck-1", new Dictionary<string, IReadOnlyList<string>>()));

    [Fact]
    public void Begin_starts_the_check() =>
        Spec().When(new Command.Begin()).Then(new Event.Begun());

    [Fact]
    public void A_second_begin_changes_nothing() =>
        Assert.True(Spec().Given(new Event.Begun()).When(new Command.Begin()).Then().ChangesNothing);

    [Fact]
    public void Each_ping_is_counted_and_decides_one_pong_of_its_number()
    {
        var spec = Spec().Given(new Event.Begun(), new Event.Pinged(1));

        var decision = spec.When(new Command.Ping(2)).Then(new Event.Pinged(2));

        Assert.Equal([new EngineCheckPong(2)], decision.Effects);
        Assert.Equal([1, 2], spec.State.Pings);
    }

    [Fact]
    public void A_nap_sets_the_nap_wake_up_after_its_duration()
    {
        var decision = Spec().Given(new Event.Begun()).When(new Command.Nap(TimeSpan.FromSeconds(3))).Then(new Event.Napped(TimeSpan.FromSeconds(3)));

        Assert.Equal([new WakeUpRequest("nap", new WakeTime.After(TimeSpan.FromSeconds(3)))], decision.WakeUps);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void A_negative_nap_changes_nothing() =>
        Assert.True(Spec().Given(new Event.Begun()).When(new Command.Nap(TimeSpan.FromSeconds(-1))).Then().ChangesNothing);

    [Fact]
    public void Waking_up_counts_the_wake_up_and_decides_pong_minus_one()
    {
        var spec = Spec().Given(new Event.Begun(), new Event.Napped(TimeSpan.FromSeconds(3)));

        var decision = spec.When(new ProcessInput<Command>.WokeUp("nap", Now)).Then(new Event.WokeUp());

        Assert.Equal([new EngineCheckPong(EngineCheckDefinition.WakeUpPong)], decision.Effects);
        Assert.Equal(1, spec.State.WakeUps);
        Assert.Equal("running", Definition.StepOf(spec.State));
    }

    [Fact]
    public void Spawning_starts_one_engine_check_child_keyed_by_the_parent()
    {
        var decision = Spec().Given(new Event.Begun()).When(new Command.Spawn("c1")).Then(new Event.Spawned("c1"));

        var child = Assert.Single(decision.Children);
        Assert.Equal(EngineCheckDefinition.DefinitionName, child.Definition);
        Assert.Equal("enginecheck-1/c1", child.BusinessKey);
        Assert.IsType<Command.Begin>(child.StartCommand);
    }

    [Fact]
    public void Spawning_the_same_child_again_changes_nothing() =>
        Assert.True(Spec().Given(new Event.Begun(), new Event.Spawned("c1")).When(new Command.Spawn("c1")).Then().ChangesNothing);

    [Fact]
    public void A_child_completion_is_recorded() =>
        Spec().Given(new Event.Begun(), new Event.Spawned("c1"))
            .When(new ProcessInput<Command>.ChildCompleted("child-1", "EngineCheck", "enginecheck-1/c1", "finished"))
            .Then(new Event.ChildFinished("child-1", "finished"));

    [Fact]
    public void Finish_completes_the_process() =>
        Assert.Equal("finished", Spec().Given(new Event.Begun()).When(new Command.Finish()).Then(new Event.Finished()).Outcome);

    [Fact]
    public void Only_an_administrator_or_the_system_may_send()
    {
        var none = new Dictionary<string, IReadOnlyList<string>>();
        var rule = Definition.WhoMaySend(new Command.Ping(1));

        Assert.True(rule.Allows(Sender.System, none));
        Assert.True(rule.Allows(Sender.Person("u1", [Organisation.Role.Admin]), none));
        Assert.False(rule.Allows(Sender.Person("u2", [Organisation.Role.Kam, Organisation.Role.Director]), none));
    }

    [Fact]
    public void Commands_read_from_the_json_an_operator_sends()
    {
        IProcessDefinition erased = Definition;
        using var json = System.Text.Json.JsonDocument.Parse("""{"type":"nap","for":"00:00:02"}""");

        Assert.Equal(new Command.Nap(TimeSpan.FromSeconds(2)), erased.ReadCommand(json.RootElement));
    }
}
