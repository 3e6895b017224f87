namespace KamFlows.App.Engine;

/// <summary>
/// What the app knows at a start and the starter does not: e.g. that the approver has handed their
/// approvals to a delegate for these weeks. A routing may add parties and their calendars to a start of
/// its <see cref="Definition"/>; the decider then sees them as if the starter had given them.
/// </summary>
public interface IStartRouting
{
    /// <summary>The process definition whose starts this routing sees.</summary>
    string Definition { get; }

    /// <summary>The start as it should be made: the same request, or one with parties and calendars added.</summary>
    Task<StartRequest> RouteAsync(StartRequest request, CancellationToken ct);
}
