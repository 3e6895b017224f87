using System.Security.Cryptography;
using System.Text;

namespace KamFlows.App.Features.Tasks;

public enum WorkTaskStatus
{
    Open,
    Done,
}

/// <summary>The outcomes a task is closed with by the system rather than by its assignee.</summary>
public static class SystemOutcomes
{
    /// <summary>What asked for the task no longer wants it (an action that left the plan).</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>
/// A task given to one person: what to do (a kind the pages translate), for which account, from
/// which process, by when. The due time is an instant; <see cref="TimeZone"/> is the assignee's, in
/// which "today" and the local due time are read. A task is completed once, with one of its outcomes.
/// </summary>
/// <param name="CompletionEvent">The command the creating process receives on completion (see <c>CreateTask</c>).</param>
/// <param name="ProcessTold">Whether the creating process and the completion listeners have heard of the completion (true when there is none to tell).</param>
/// <param name="Title">A free text title, for tasks asked for by something other than a process (a plan's action).</param>
/// <param name="SourceKey">The key of what asked for the task when it is not a process (a plan's task request).</param>
public sealed record WorkTask(
    string Id,
    string Kind,
    string? AccountId,
    string? ProcessId,
    string? CompletionEvent,
    IReadOnlyList<string> Outcomes,
    string AssigneeUserId,
    DateTimeOffset DueAt,
    string TimeZone,
    WorkTaskStatus Status,
    string? Outcome,
    string? CompletedByUserId,
    DateTimeOffset? CompletedAt,
    bool ProcessTold,
    DateTimeOffset CreatedAt,
    string? Title = null,
    string? SourceKey = null)
{
    public bool IsOpen => Status == WorkTaskStatus.Open;
}

/// <summary>A task's id follows from the effect that created it, so a repeated effect finds the same task.</summary>
public static class TaskIds
{
    public static string FromEffect(string effectId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("task\n" + effectId)))[..32];

    public static bool IsWellFormed(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
