using KamFlows.App.Features.MyDay;
using KamFlows.App.Features.Users;
using KamFlows.App.Pages;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Approvals;

/// <summary>One approval waiting on the reader, with the names a person reads.</summary>
public sealed record DayApproval(MyApprovalsApi.MyApproval Approval, string? RequesterName, string? OnBehalfOfName);

/// <summary>
/// My day's approvals, for those who decide them (directors, heads of KAM): what waits on them
/// (<see cref="MyApprovals"/>), oldest deadline first. The decision itself is taken from the
/// request's emailed link, which needs the approver signed in.
/// </summary>
public sealed class MyDayApprovals(MyApprovals approvals, UserDirectory users) : IMyDaySection
{
    public const int MostShown = 50;

    public int Order => MyDaySectionOrder.Approvals;

    public async Task<MyDaySectionView?> ReadAsync(PageViewer viewer, CancellationToken ct)
    {
        if (viewer.User is not { } user || !(user.HasRole(Role.Director) || user.HasRole(Role.HeadOfKam)))
        {
            return null;
        }

        var page = await approvals.ListAsync(user.Id, null, MostShown, ct);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        async Task<string?> NameAsync(string? id)
        {
            if (id is null)
            {
                return null;
            }

            if (!names.TryGetValue(id, out var name))
            {
                name = names[id] = (await users.FindAsync(id, ct))?.Value.DisplayName;
            }

            return name;
        }

        var shown = new List<DayApproval>();
        foreach (var a in page.Items.OrderBy(a => a.Deadline ?? DateTimeOffset.MaxValue))
        {
            shown.Add(new DayApproval(a, await NameAsync(a.RequesterUserId), await NameAsync(a.OnBehalfOf)));
        }

        return new MyDaySectionView(typeof(MyDayApprovalsSection), new Dictionary<string, object>
        {
            [nameof(MyDayApprovalsSection.Approvals)] = shown,
            [nameof(MyDayApprovalsSection.Clock)] = viewer.Clock,
            [nameof(MyDayApprovalsSection.More)] = page.ContinuationToken is not null,
        });
    }
}
