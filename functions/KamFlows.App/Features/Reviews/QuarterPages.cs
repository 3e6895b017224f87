using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Users;
using KamFlows.App.Pages;
using KamFlows.App.Security;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Reviews;

/// <summary>One review on the quarter page, with the names a person reads.</summary>
public sealed record QuarterPageLine(ReviewSummary Review, string AccountName, IReadOnlyList<string> WaitingOnNames);

/// <summary>
/// The quarter view: the quarterly reviews of a quarter (the current one unless another is asked
/// for), counted as open, submitted, approved, rejected and overdue, and each with whom it waits on
/// since when, for those who oversee processes (<see cref="Policies.ProcessOverseers"/>).
/// </summary>
public static class QuarterPages
{
    public const string Path = "/app/quarter";

    public static IEndpointRouteBuilder MapQuarterPages(this IEndpointRouteBuilder app)
    {
        app.MapGroup(Path).AsPages().RequireAuthorization(Policies.Pages, Policies.ProcessOverseers).MapGet("", Show).WithName("QuarterPage");
        return app;
    }

    private static async Task<RazorComponentResult> Show(
        string? quarter, ClaimsPrincipal principal, QuarterOverview overview, AccountStore accounts, UserDirectory users, PageViewers viewers, CancellationToken ct)
    {
        var viewer = await viewers.ReadAsync(principal, ct);
        var current = Quarter.Of(viewer.Clock.Today);
        // An unknown quarter in the address shows the current one: a page has no field to name in a problem.
        var chosen = Quarter.TryParse(quarter, out var q) && q <= current ? q : current;
        var view = await overview.ViewAsync(chosen, ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task<string> NameAsync(string id, bool account)
        {
            if (!names.TryGetValue(id, out var name))
            {
                name = names[id] = account
                    ? (await accounts.FindAsync(id, ct))?.Value.Name ?? id
                    : (await users.FindAsync(id, ct))?.Value.DisplayName ?? id;
            }

            return name;
        }

        var lines = new List<QuarterPageLine>();
        foreach (var review in view.Items)
        {
            var waiting = new List<string>();
            foreach (var user in review.WaitingOnUserIds)
            {
                waiting.Add(await NameAsync(user, account: false));
            }

            lines.Add(new QuarterPageLine(review, await NameAsync(review.AccountId, account: true), waiting));
        }

        return new RazorComponentResult(typeof(QuarterPage), new Dictionary<string, object?>
        {
            [nameof(QuarterPage.View)] = view,
            [nameof(QuarterPage.Lines)] = lines,
            [nameof(QuarterPage.Quarters)] = Enumerable.Range(0, 8).Select(k => current.Plus(-k).ToString()).ToList(),
            [nameof(QuarterPage.Clock)] = viewer.Clock,
        });
    }
}
