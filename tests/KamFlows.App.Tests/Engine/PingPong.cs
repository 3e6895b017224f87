using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using KamFlows.App.Engine;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Tests.Engine;

/// <summary>
/// A small process for testing the engine: it counts pings (one effect each), naps (a wake-up),
/// spawns children and hears when they finish, grows its state on demand, and finishes.
/// </summary>
public sealed class PingPong : ProcessDefinition<PingPong.State, PingPong.Command, PingPong.Change>
{
    public const string DefinitionName = "PingPong";

    public sealed record State(int Pings, string Phase, DateTimeOffset Since, IReadOnlyList<string> Log, string? Ballast, IReadOnlyList<string> ChildOutcomes);

    [JsonPolymorphic]
    [JsonDerivedType(typeof(Begin), "begin")]
    [JsonDerivedType(typeof(Ping), "ping")]
    [JsonDerivedType(typeof(PingInPhase), "ping-in-phase")]
    [JsonDerivedType(typeof(Nap), "nap")]
    [JsonDerivedType(typeof(Spawn), "spawn")]
    [JsonDerivedType(typeof(Grow), "grow")]
    [JsonDerivedType(typeof(Approve), "approve")]
    [JsonDerivedType(typeof(Finish), "finish")]
    [JsonDerivedType(typeof(HandApproval), "hand-approval")]
    public abstract record Command;

    public sealed record Begin : Command;

    public sealed record Ping(int N) : Command;

    /// <summary>A ping meant for a phase: stale once the process has moved to another.</summary>
    public sealed record PingInPhase(string Phase) : Command;

    public sealed record Nap(TimeSpan For) : Command;

    public sealed record Spawn(string ChildKey) : Command;

    public sealed record Grow(string Ballast) : Command;

    /// <summary>Only the bound approver may send it.</summary>
    public sealed record Approve : Command;

    public sealed record Finish(string Outcome) : Command;

    /// <summary>Makes someone else the approver (as a delegation would), living in another calendar.</summary>
    public sealed record HandApproval(string To, PartyCalendar Calendar) : Command;

    /// <summary>What a finished PingPong tells its parent.</summary>
    public sealed record Result(string Outcome, int Pings);

    public abstract record Change;

    public sealed record Begun(DateTimeOffset At) : Change;

    public sealed record Pinged(int N) : Change;

    public sealed record Napping : Change;

    public sealed record WokeUp : Change;

    public sealed record Grew(string Ballast) : Change;

    public sealed record Approved : Change;

    public sealed record ChildFinished(string Outcome, Result? Result) : Change;

    /// <summary>The effect of a ping: recorded by <see cref="PingEffects"/>.</summary>
    public sealed record Pong(int N) : Effect
    {
        public override string Kind => "test.pong";
    }

    public override string Name => DefinitionName;

    public override int Version => 1;

    public override State Initial => new(0, "new", default, [], null, []);

    public override SenderRule WhoMaySend(Command command) => command switch
    {
        Approve => SenderRule.Party("approver"),
        Begin => SenderRule.AnyOf(SenderRule.SystemOnly, SenderRule.Role(Role.Kam), SenderRule.Role(Role.Admin)),
        _ => SenderRule.AnyOf(SenderRule.SystemOnly, SenderRule.Role(Role.Kam)),
    };

    public override string StepOf(State state) => state.Phase;

    public override WaitingOn? WaitingOnOf(State state) => state.Phase == "awaiting-approval" ? new WaitingOn("approver", state.Since) : null;

    public override Decision<Change> Decide(ProcessInput<Command> input, State state, DecisionContext context) => input switch
    {
        ProcessInput<Command>.Received { Command: Begin } => Decision<Change>.Of(new Begun(context.Now)),
        ProcessInput<Command>.Received { Command: Ping p } => Decision<Change>.Of(new Pinged(p.N)).Then(new Pong(p.N)),
        ProcessInput<Command>.Received { Command: PingInPhase p } when p.Phase != state.Phase => Decision<Change>.Stale($"meant for {p.Phase}"),
        ProcessInput<Command>.Received { Command: PingInPhase } => Decision<Change>.Of(new Pinged(0)),
        ProcessInput<Command>.Received { Command: Nap n } => Decision<Change>.Of(new Napping()).Wake("nap", new WakeTime.After(n.For)),
        ProcessInput<Command>.WokeUp { Name: "nap" } => Decision<Change>.Of(new WokeUp()).Then(new Pong(-1)),
        ProcessInput<Command>.Received { Command: Spawn s } => Decision<Change>.None.Start(new ChildStart(
            DefinitionName, s.ChildKey, new Begin(), context.Parties, new Dictionary<string, PartyCalendar>())),
        ProcessInput<Command>.ChildCompleted c => Decision<Change>.Of(new ChildFinished(c.Outcome, ProcessJson.Read<Result>(c.ResultJson))),
        ProcessInput<Command>.Received { Command: Grow g } => Decision<Change>.Of(new Grew(g.Ballast)),
        ProcessInput<Command>.Received { Command: Approve } when state.Phase != "awaiting-approval" => Decision<Change>.Stale("nothing to approve"),
        ProcessInput<Command>.Received { Command: Approve } => Decision<Change>.Of(new Approved()),
        ProcessInput<Command>.Received { Command: Finish f } => Decision<Change>.None.Complete(f.Outcome, new Result(f.Outcome, state.Pings)),
        ProcessInput<Command>.Received { Command: HandApproval h } => Decision<Change>.None.SetParty("approver", [h.To], h.Calendar).Wake("nap", new WakeTime.BusinessDaysLater(1, new TimeOnly(9, 0), "approver")),
        _ => Decision<Change>.None,
    };

    public override State Evolve(State state, Change change) => change switch
    {
        Begun b => state with { Phase = "awaiting-approval", Since = b.At, Log = [.. state.Log, "begun"] },
        Pinged p => state with { Pings = state.Pings + 1, Log = [.. state.Log, $"ping {p.N}"] },
        Napping => state with { Phase = "napping" },
        WokeUp => state with { Phase = "awake", Log = [.. state.Log, "woke"] },
        Grew g => state with { Ballast = g.Ballast },
        Approved => state with { Phase = "approved" },
        ChildFinished c => state with
        {
            ChildOutcomes = [.. state.ChildOutcomes, c.Outcome],
            Log = c.Result is { } r ? [.. state.Log, $"child result {r.Outcome} after {r.Pings} pings"] : state.Log,
        },
        _ => state,
    };
}

/// <summary>Performs <see cref="PingPong.Pong"/>: records each effect id it performs, and fails on cue.</summary>
public sealed class PingEffects : EffectHandler<PingPong.Pong>
{
    public ConcurrentBag<string> Performed { get; } = [];

    public Func<PingPong.Pong, bool> FailWhen { get; set; } = _ => false;

    public override string Kind => "test.pong";

    protected override Task PerformAsync(PingPong.Pong effect, EffectContext context, CancellationToken cancellationToken)
    {
        if (FailWhen(effect))
        {
            throw new InvalidOperationException("the pong service is down");
        }

        Performed.Add(context.EffectId);
        return Task.CompletedTask;
    }
}
