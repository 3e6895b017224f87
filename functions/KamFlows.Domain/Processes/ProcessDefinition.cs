using System.Text.Json;
using System.Text.Json.Serialization;

namespace KamFlows.Domain.Processes;

/// <summary>
/// What the engine tells a decider besides the input: the time, who the process's parties are, and
/// who sent the input (already checked against <c>WhoMaySend</c>), so a decision records who made it
/// from the authenticated sender, never from what a command claims.
/// </summary>
public sealed record DecisionContext(
    DateTimeOffset Now,
    string InstanceId,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parties)
{
    public Sender Sender { get; init; } = Sender.System;
}

/// <summary>Whom a process waits on (a party name such as "kam" or "approver") and since when.</summary>
public sealed record WaitingOn(string Party, DateTimeOffset Since);

/// <summary>
/// A long-running process as a pure decider: an initial state, <see cref="Decide"/> (input, state,
/// now → decision) and <see cref="Evolve"/> (state, event → state). No I/O, no clock, no randomness:
/// the engine brings the time and stores the state. Each version of a definition stays registered
/// as long as instances started on it may run.
/// </summary>
public abstract class ProcessDefinition<TState, TCommand, TEvent> : IProcessDefinition
    where TState : class
    where TCommand : class
    where TEvent : class
{
    public abstract string Name { get; }

    public abstract int Version { get; }

    public abstract TState Initial { get; }

    public Type CommandType => typeof(TCommand);

    /// <summary>How state and commands are written as JSON; override to add converters.</summary>
    protected virtual JsonSerializerOptions Json => ProcessJson.Options;

    public abstract Decision<TEvent> Decide(ProcessInput<TCommand> input, TState state, DecisionContext context);

    public abstract TState Evolve(TState state, TEvent change);

    /// <summary>Who may send this command (the engine's own inputs are always the system's).</summary>
    public abstract SenderRule WhoMaySend(TCommand command);

    /// <summary>The step the process is at, for people: "awaiting-confirmation".</summary>
    public abstract string StepOf(TState state);

    public virtual WaitingOn? WaitingOnOf(TState state) => null;

    /// <summary>Decides, then folds the events into the state: what a transition changes, as a value.</summary>
    public (TState State, Decision<TEvent> Decision) Apply(ProcessInput<TCommand> input, TState state, DecisionContext context)
    {
        var decision = Decide(input, state, context);
        return (decision.Events.Aggregate(state, Evolve), decision);
    }

    SenderRule IProcessDefinition.WhoMaySend(object command) => WhoMaySend((TCommand)command);

    object IProcessDefinition.ReadCommand(JsonElement json) =>
        json.Deserialize<TCommand>(Json) ?? throw new JsonException($"A {Name} command cannot be null.");

    string IProcessDefinition.WriteCommand(object command) => JsonSerializer.Serialize((TCommand)command, Json);

    Transition IProcessDefinition.Decide(string? stateJson, EngineInput input, DecisionContext context)
    {
        var state = stateJson is null ? Initial : JsonSerializer.Deserialize<TState>(stateJson, Json)!;
        ProcessInput<TCommand> typed = input switch
        {
            EngineInput.Command c => new ProcessInput<TCommand>.Received((TCommand)c.Value),
            EngineInput.WokeUp w => new ProcessInput<TCommand>.WokeUp(w.Name, w.DueAt),
            EngineInput.ChildCompleted c => new ProcessInput<TCommand>.ChildCompleted(c.ChildId, c.Definition, c.BusinessKey, c.Outcome, c.ResultJson),
            EngineInput.AccountReassigned a => new ProcessInput<TCommand>.AccountReassigned(a.AccountId, a.FromUserId, a.ToUserId),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "Not an engine input."),
        };
        var (next, decision) = Apply(typed, state, context);
        return new Transition(
            JsonSerializer.Serialize(next, Json),
            decision.Events.Select(e => e.GetType().Name).ToList(),
            decision.Effects,
            decision.WakeUps,
            decision.CancelWakeUps,
            decision.Children,
            decision.Outcome,
            decision.StaleReason,
            StepOf(next),
            WaitingOnOf(next))
        {
            ResultJson = decision.Result is null ? null : ProcessJson.Write(decision.Result),
            PartyChanges = decision.PartyChanges,
        };
    }
}

/// <summary>A definition as the engine sees it: JSON in, JSON out, whatever its state and commands are.</summary>
public interface IProcessDefinition
{
    string Name { get; }

    int Version { get; }

    Type CommandType { get; }

    SenderRule WhoMaySend(object command);

    object ReadCommand(JsonElement json);

    string WriteCommand(object command);

    /// <summary>Runs the decider on the stored state (null: the initial state) and returns the transition.</summary>
    Transition Decide(string? stateJson, EngineInput input, DecisionContext context);
}

/// <summary>The engine's inputs, before they are given to a decider in its own types.</summary>
public abstract record EngineInput
{
    public sealed record Command(object Value) : EngineInput;

    public sealed record WokeUp(string Name, DateTimeOffset DueAt) : EngineInput;

    public sealed record ChildCompleted(string ChildId, string Definition, string BusinessKey, string Outcome, string? ResultJson = null) : EngineInput;

    public sealed record AccountReassigned(string AccountId, string FromUserId, string ToUserId) : EngineInput;
}

/// <summary>A transition, erased to what the engine stores: the new state as JSON, event names for the history, and the decisions.</summary>
public sealed record Transition(
    string StateJson,
    IReadOnlyList<string> EventNames,
    IReadOnlyList<Effect> Effects,
    IReadOnlyList<WakeUpRequest> WakeUps,
    IReadOnlyList<string> CancelWakeUps,
    IReadOnlyList<ChildStart> Children,
    string? Outcome,
    string? StaleReason,
    string Step,
    WaitingOn? WaitingOn)
{
    public string? ResultJson { get; init; }

    public IReadOnlyList<PartyChange> PartyChanges { get; init; } = [];
}
