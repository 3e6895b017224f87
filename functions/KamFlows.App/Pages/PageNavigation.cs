using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace KamFlows.App.Pages;

/// <summary>
/// A page the navigation and the home page list: where it is, its name and what it is for (keys of
/// the page strings), and the authorization policy its endpoints require, so a person is shown
/// exactly the pages they may open. Registered by the feature that owns the page
/// (<see cref="PageNavigationRegistration.AddPageLink"/>).
/// </summary>
public sealed record PageLink(string Path, string TitleKey, string DescriptionKey, string Policy, int Order);

/// <summary>The pages one person may open, in order, judged by each page's own policy.</summary>
public sealed class PageNavigation(IEnumerable<PageLink> links, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<PageLink>> ForAsync(ClaimsPrincipal user)
    {
        var open = new List<PageLink>();
        foreach (var link in links.OrderBy(l => l.Order).ThenBy(l => l.Path, StringComparer.Ordinal))
        {
            if ((await authorization.AuthorizeAsync(user, link.Policy)).Succeeded)
            {
                open.Add(link);
            }
        }

        return open;
    }

    /// <summary>Whether <paramref name="link"/> is the page at <paramref name="path"/> or above it.</summary>
    public static bool IsCurrent(PageLink link, PathString path) =>
        path.StartsWithSegments(link.Path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

public static class PageNavigationRegistration
{
    /// <summary>Lists a page in the navigation and on the home page, for those its policy admits.</summary>
    public static IServiceCollection AddPageLink(this IServiceCollection services, PageLink link) => services.AddSingleton(link);
}
