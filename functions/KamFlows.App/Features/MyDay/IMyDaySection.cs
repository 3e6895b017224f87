using KamFlows.App.Pages;

namespace KamFlows.App.Features.MyDay;

/// <summary>
/// One part of a person's My day page, added by the feature whose data it shows (registered as an
/// <see cref="IMyDaySection"/>): the page reads every section in <see cref="Order"/> and renders the
/// component each one returns. A section with nothing for this person (not their role) returns null
/// and is left out; one whose list is empty says so itself.
/// </summary>
public interface IMyDaySection
{
    /// <summary>Where on the page, lower first. Taken: tasks 10, approvals 20, visits 30, proposals 40, receivables 50. See <see cref="MyDaySectionOrder"/>.</summary>
    int Order { get; }

    Task<MyDaySectionView?> ReadAsync(PageViewer viewer, CancellationToken ct);
}

/// <summary>A section's component and the parameters it is rendered with.</summary>
public sealed record MyDaySectionView(Type Component, IDictionary<string, object> Parameters);

/// <summary>
/// The places on My day, so a section added later falls where the page's design puts it: each is an
/// <see cref="IMyDaySection"/> registered in its feature's registration.
/// </summary>
public static class MyDaySectionOrder
{
    public const int Tasks = 10;
    public const int Approvals = 20;

    /// <summary>This week's visits and calls, the KAM's weekly rhythm (<c>Features/Visits/MyDayVisits</c>).</summary>
    public const int Visits = 30;

    /// <summary>Open proposals with their validity countdown (<c>Features/Proposals/MyDayProposals</c>).</summary>
    public const int Proposals = 40;

    /// <summary>Overdue receivables of the KAM's accounts (<c>Features/Receivables/MyDayReceivables</c>).</summary>
    public const int Receivables = 50;
}
