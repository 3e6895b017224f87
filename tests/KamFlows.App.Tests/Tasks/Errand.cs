using System.Text.Json.Serialization;
using KamFlows.Domain.Email;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;

namespace KamFlows.App.Tests.Tasks;

/// <summary>
/// A process for testing what processes use to reach people: it gives the task or writes the email
/// it is told to, and keeps a log of what it hears back (task completions, bounces).
/// </summary>
public sealed class Errand : ProcessDefinition<Errand.State, Errand.Command, Errand.Heard>
{
    public const string DefinitionName = "Errand";

    public sealed record State(IReadOnlyList<string> Log);

    [JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
    [JsonDerivedType(typeof(GiveTask), "give-task")]
    [JsonDerivedType(typeof(Write), "write")]
    [JsonDerivedType(typeof(TaskDone), "task-done")]
    [JsonDerivedType(typeof(Bounced), "bounced")]
    public abstract record Command;

    public sealed record GiveTask(CreateTask Task) : Command;

    public sealed record Write(SendEmail Email) : Command;

    /// <summary>What the tasks feature sends when a task given with completion event "task-done" is completed.</summary>
    public sealed record TaskDone(string TaskId, string Outcome, string CompletedByUserId) : Command;

    /// <summary>What the email feature sends when an email written with bounce event "bounced" bounces.</summary>
    public sealed record Bounced(string EffectId, string Reason) : Command;

    public sealed record Heard(string What);

    public override string Name => DefinitionName;

    public override int Version => 1;

    public override State Initial => new([]);

    public override SenderRule WhoMaySend(Command command) => SenderRule.SystemOnly;

    public override string StepOf(State state) => "listening";

    public override Decision<Heard> Decide(ProcessInput<Command> input, State state, DecisionContext context) => input switch
    {
        ProcessInput<Command>.Received { Command: GiveTask g } => Decision<Heard>.Of(new Heard("gave a task")).Then(g.Task),
        ProcessInput<Command>.Received { Command: Write w } => Decision<Heard>.Of(new Heard("wrote")).Then(w.Email),
        ProcessInput<Command>.Received { Command: TaskDone d } => Decision<Heard>.Of(new Heard($"task {d.TaskId} {d.Outcome} by {d.CompletedByUserId}")),
        ProcessInput<Command>.Received { Command: Bounced b } => Decision<Heard>.Of(new Heard($"email {b.EffectId} {b.Reason}")),
        _ => Decision<Heard>.None,
    };

    public override State Evolve(State state, Heard change) => state with { Log = [.. state.Log, change.What] };
}
