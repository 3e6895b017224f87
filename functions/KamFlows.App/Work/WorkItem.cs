using System.Text.Json;
using System.Text.Json.Serialization;
using KamFlows.App.Hosting;

namespace KamFlows.App.Work;

/// <summary>
/// What travels on the work queue: a kind of work and the id it concerns, never the data itself
/// (queue messages carry ids only: no personal data, and always the current state when handled).
/// </summary>
/// <param name="At">For a wake-up: the due time it was set for (the due-timer row it came from, or the
/// delayed message's target), so the handler can tell a current wake-up from an outdated one.</param>
/// <param name="Row">For a wake-up fired by the sweep: the key of the due-timer row it came from, so
/// the handler can clear exactly that row once it is outdated.</param>
public sealed record WorkItem(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? At = null,
    [property: JsonPropertyName("row"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Row = null)
{
    /// <summary>The due-timer row this work item was fired from, if the sweep fired it.</summary>
    public DueRow? FiredFrom => At is { } at && Row is { } key ? new DueRow(at, key) : null;

    public string ToJson() => JsonSerializer.Serialize(this);

    public static WorkItem Parse(string message)
    {
        WorkItem? item;
        try
        {
            item = JsonSerializer.Deserialize<WorkItem>(message);
        }
        catch (JsonException e)
        {
            throw new MalformedQueueMessageException($"not a work item: {e.Message}");
        }

        if (item is null || string.IsNullOrWhiteSpace(item.Kind) || string.IsNullOrWhiteSpace(item.Id))
        {
            throw new MalformedQueueMessageException("a work item needs a kind and an id");
        }

        return item;
    }
}

/// <summary>Does one kind of work. Must be idempotent: a message can be delivered more than once.</summary>
public interface IWorkItemHandler
{
    string Kind { get; }

    Task HandleAsync(WorkItem item, CancellationToken cancellationToken);
}
