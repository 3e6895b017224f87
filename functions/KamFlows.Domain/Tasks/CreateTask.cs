using System.Text.Json.Serialization;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Tasks;

/// <summary>
/// A process gives someone a task: "call the customer", "submit the quarterly review". Performed once
/// per effect id (the task's id follows from it). When the task is completed, the process receives
/// the command named <paramref name="CompletionEvent"/> (its JSON type discriminator) with the
/// properties <c>taskId</c>, <c>outcome</c>, <c>completedByUserId</c> and <c>taskKind</c> (so a process that gives
/// several tasks knows which one), from the system: the tasks
/// feature has checked who completed it, so the process's rule for that command must allow
/// <see cref="SenderRule.SystemOnly"/>. No completion event: the process is not told.
/// </summary>
/// <param name="TaskKind">What to do, as a code the pages translate ("call-customer").</param>
/// <param name="Outcomes">The outcomes the assignee chooses from; empty means just "done".</param>
/// <param name="Title">What this one task is about beyond its kind ("get back in touch with contact c-12"): ids and codes only, never a name.</param>
public sealed record CreateTask(
    string TaskKind,
    string AssigneeUserId,
    TaskDue Due,
    string? AccountId = null,
    string? CompletionEvent = null,
    IReadOnlyList<string>? Outcomes = null,
    string? Title = null) : Effect
{
    public const string KindName = "tasks.create";

    /// <summary>The outcome of a task that offers no choice.</summary>
    public const string Done = "done";

    public override string Kind => KindName;

    public IReadOnlyList<string> OutcomeChoices => Outcomes is { Count: > 0 } list ? list : [Done];
}

/// <summary>When a task is due: an instant, or a date and time on the assignee's own clock.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(At), "at")]
[JsonDerivedType(typeof(AssigneeLocal), "assignee-local")]
[JsonDerivedType(typeof(Business), "business")]
public abstract record TaskDue
{
    public sealed record At(DateTimeOffset Instant) : TaskDue;

    /// <summary>"On 27 March at 09:00" wherever the assignee is: resolved with the assignee's time zone.</summary>
    public sealed record AssigneeLocal(DateOnly Date, TimeOnly Time) : TaskDue;

    /// <summary>
    /// A business time of one of the process's parties ("10 business days later at 17:00, the KAM's
    /// calendar"), resolved like a wake-up, from the time the task was decided: a task and the
    /// reminders about it fall on the same day however late the task is created.
    /// </summary>
    public sealed record Business(WakeTime When) : TaskDue;
}
