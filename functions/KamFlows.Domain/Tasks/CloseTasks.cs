using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Tasks;

/// <summary>
/// Closes the open tasks of the given kinds that this process gave <paramref name="AssigneeUserId"/>
/// on <paramref name="AccountId"/>, for the system, with <paramref name="Outcome"/> ("done" when what
/// the task asked for happened elsewhere, "cancelled" when it is no longer wanted). Nobody is told:
/// the process decided it. Tasks already completed stay as they are, so a repeat does nothing.
/// </summary>
public sealed record CloseTasks(string AssigneeUserId, string AccountId, IReadOnlyList<string> TaskKinds, string Outcome) : Effect
{
    public const string KindName = "tasks.close";

    public const string Cancelled = "cancelled";

    public override string Kind => KindName;
}
