using System.Text.Json;
using System.Text.Json.Serialization;
using KamFlows.Domain.Organisation;

namespace KamFlows.Domain.Processes.EngineCheck;

/// <summary>
/// An operator's smoke test of the engine, also what the crash-injection harness and the engine
/// benchmarks drive: it counts pings (each decides one <see cref="EngineCheckPong"/>), naps until a
/// wake-up (which decides a pong of its own, number -1), starts children of its own kind, and finishes.
/// Every performance of a pong is recorded, so an operator can see that each effect ran, and how often.
/// </summary>
public sealed class EngineCheckDefinition : ProcessDefinition<EngineCheckState, EngineCheckCommand, EngineCheckEvent>
{
    public const string DefinitionName = "EngineCheck";

    /// <summary>The number of the pong a wake-up decides.</summary>
    public const int WakeUpPong = -1;

    public const string NapWakeUp = "nap";

    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public override string Name => DefinitionName;

    public override int Version => 1;

    public override EngineCheckState Initial => EngineCheckState.New;

    /// <summary>Reads a stored state (null: the initial one), for the operator's report.</summary>
    public static EngineCheckState ReadState(string? json) =>
        json is null ? EngineCheckState.New : JsonSerializer.Deserialize<EngineCheckState>(json, StateJson) ?? EngineCheckState.New;

    public override SenderRule WhoMaySend(EngineCheckCommand command) => SenderRule.AnyOf(SenderRule.SystemOnly, SenderRule.Role(Role.Admin));

    public override string StepOf(EngineCheckState state) => state.Phase switch
    {
        EngineCheckPhase.New => "new",
        EngineCheckPhase.Running => "running",
        EngineCheckPhase.Napping => "napping",
        _ => "finished",
    };

    public override Decision<EngineCheckEvent> Decide(ProcessInput<EngineCheckCommand> input, EngineCheckState state, DecisionContext context) => input switch
    {
        ProcessInput<EngineCheckCommand>.Received { Command: EngineCheckCommand.Begin } when state.Phase == EngineCheckPhase.New =>
            Decision<EngineCheckEvent>.Of(new EngineCheckEvent.Begun()),
        ProcessInput<EngineCheckCommand>.Received { Command: EngineCheckCommand.Begin } => Decision<EngineCheckEvent>.None,
        ProcessInput<EngineCheckCommand>.Received { Command: EngineCheckCommand.Ping p } =>
            Decision<EngineCheckEvent>.Of(new EngineCheckEvent.Pinged(p.N)).Then(new EngineCheckPong(p.N)),
        ProcessInput<EngineCheckCommand>.Received { Command: EngineCheckCommand.Nap n } when n.For < TimeSpan.Zero =>
            Decision<EngineCheckEvent>.None,
        ProcessInput<EngineCheckCommand>.Received { Command: EngineCheckCommand.Nap n } =>
            Decision<EngineCheckEvent>.Of(new EngineCheckEvent.Napped(n.For)).Wake(NapWakeUp, new WakeTime.After(n.For)),
        ProcessInput<EngineCheckCommand>.WokeUp { Name: NapWakeUp } =>
            Decision<EngineCheckEvent>.Of(new EngineCheckEvent.WokeUp()).Then(new EngineCheckPong(WakeUpPong)),
        ProcessInput<EngineCheckCommand>.Received { Command: EngineCheckCommand.Spawn s } when state.Children.Contains(s.ChildKey) =>
            Decision<EngineCheckEvent>.None,
        ProcessInput<EngineCheckCommand>.Received { Command: EngineCheckCommand.Spawn s } =>
            Decision<EngineCheckEvent>.Of(new EngineCheckEvent.Spawned(s.ChildKey)).Start(new ChildStart(
                DefinitionName, ChildBusinessKey(context.InstanceId, s.ChildKey), new EngineCheckCommand.Begin(),
                context.Parties, new Dictionary<string, PartyCalendar>())),
        ProcessInput<EngineCheckCommand>.ChildCompleted c => Decision<EngineCheckEvent>.Of(new EngineCheckEvent.ChildFinished(c.ChildId, c.Outcome)),
        ProcessInput<EngineCheckCommand>.Received { Command: EngineCheckCommand.Finish } =>
            Decision<EngineCheckEvent>.Of(new EngineCheckEvent.Finished()).Complete("finished"),
        _ => Decision<EngineCheckEvent>.None,
    };

    public override EngineCheckState Evolve(EngineCheckState state, EngineCheckEvent change) => change switch
    {
        EngineCheckEvent.Begun => state with { Phase = EngineCheckPhase.Running },
        EngineCheckEvent.Pinged p => state with { Pings = [.. state.Pings, p.N] },
        EngineCheckEvent.Napped => state with { Phase = EngineCheckPhase.Napping },
        EngineCheckEvent.WokeUp => state with { Phase = EngineCheckPhase.Running, WakeUps = state.WakeUps + 1 },
        EngineCheckEvent.Spawned s => state with { Children = [.. state.Children, s.ChildKey] },
        EngineCheckEvent.ChildFinished c => state with { ChildOutcomes = [.. state.ChildOutcomes, c.Outcome] },
        EngineCheckEvent.Finished => state with { Phase = EngineCheckPhase.Finished },
        _ => state,
    };

    /// <summary>A child's business key: its parent's id and the key the parent gave it, so two checks never share a child.</summary>
    public static string ChildBusinessKey(string parentId, string childKey) => $"{parentId}/{childKey}";
}

public enum EngineCheckPhase
{
    New,
    Running,
    Napping,
    Finished,
}

/// <summary>What an engine check has received: the number of every ping (in order), the wake-ups fired, the children started and how they ended.</summary>
public sealed record EngineCheckState(
    EngineCheckPhase Phase,
    IReadOnlyList<int> Pings,
    int WakeUps,
    IReadOnlyList<string> Children,
    IReadOnlyList<string> ChildOutcomes)
{
    public static EngineCheckState New { get; } = new(EngineCheckPhase.New, [], 0, [], []);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Begin), "begin")]
[JsonDerivedType(typeof(Ping), "ping")]
[JsonDerivedType(typeof(Nap), "nap")]
[JsonDerivedType(typeof(Spawn), "spawn")]
[JsonDerivedType(typeof(Finish), "finish")]
public abstract record EngineCheckCommand
{
    public sealed record Begin : EngineCheckCommand;

    /// <summary>Decides one pong numbered <paramref name="N"/>.</summary>
    public sealed record Ping(int N) : EngineCheckCommand;

    /// <summary>Sets the "nap" wake-up <paramref name="For"/> from now; waking decides pong -1.</summary>
    public sealed record Nap(TimeSpan For) : EngineCheckCommand;

    /// <summary>Starts a child engine check (once per key).</summary>
    public sealed record Spawn(string ChildKey) : EngineCheckCommand;

    public sealed record Finish : EngineCheckCommand;
}

public abstract record EngineCheckEvent
{
    public sealed record Begun : EngineCheckEvent;

    public sealed record Pinged(int N) : EngineCheckEvent;

    public sealed record Napped(TimeSpan For) : EngineCheckEvent;

    public sealed record WokeUp : EngineCheckEvent;

    public sealed record Spawned(string ChildKey) : EngineCheckEvent;

    public sealed record ChildFinished(string ChildId, string Outcome) : EngineCheckEvent;

    public sealed record Finished : EngineCheckEvent;
}

/// <summary>The effect of a ping (or of a wake-up, number -1): performed by the operations feature, which records each performance.</summary>
public sealed record EngineCheckPong(int N) : Effect
{
    public const string KindName = "engine-check.pong";

    public override string Kind => KindName;
}
