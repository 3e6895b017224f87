using System.Security.Claims;
using KamFlows.App.Pages;
using KamFlows.App.Security;

namespace KamFlows.App.Features.MyDay;

/// <summary>
/// My day: what a person has to do today, on their own clock, gathered from the sections the features
/// add (<see cref="IMyDaySection"/>). Every signed-in member may open it; each section shows only
/// that person's own things.
/// </summary>
public static class MyDayPages
{
    public const string Path = "/app/my-day";

    public static IEndpointRouteBuilder MapMyDayPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(Path).AsPages().RequireAuthorization(Policies.Pages);
        pages.MapGet("", Show).WithName("MyDayPage");
        return app;
    }

    public static string PathOf(string? notice) => notice is null ? Path : $"{Path}?notice={Uri.EscapeDataString(notice)}";

    private static async Task<RazorComponentResult> Show(
        string? notice, ClaimsPrincipal principal, PageViewers viewers, IEnumerable<IMyDaySection> sections, CancellationToken ct)
    {
        var viewer = await viewers.ReadAsync(principal, ct);
        var shown = new List<MyDaySectionView>();
        if (viewer.User is not null)
        {
            foreach (var section in sections.OrderBy(s => s.Order))
            {
                if (await section.ReadAsync(viewer, ct) is { } view)
                {
                    shown.Add(view);
                }
            }
        }

        return new RazorComponentResult(typeof(MyDayPage), new Dictionary<string, object?>
        {
            [nameof(MyDayPage.Viewer)] = viewer,
            [nameof(MyDayPage.Sections)] = shown,
            [nameof(MyDayPage.Notice)] = notice is { Length: <= 32 } && notice.All(c => char.IsAsciiLetter(c) || c == '-') ? notice : null,
        });
    }
}
