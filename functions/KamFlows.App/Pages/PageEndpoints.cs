using System.Security.Claims;
using KamFlows.App.Features.Users;
using KamFlows.App.Security;
using Microsoft.AspNetCore.Authentication;

namespace KamFlows.App.Pages;

/// <summary>
/// The pages every later page builds on: home, sign-out and the signed-out page. Handlers return the
/// untyped <see cref="RazorComponentResult"/>: the compile-time endpoint generator cannot see the
/// types the Razor compiler makes.
/// </summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(PagePaths.Group).AsPages().RequireAuthorization(Policies.Pages);
        pages.MapGet("/", Home).WithName("HomePage");
        pages.MapPost("/sign-out", (Delegate)SignOut).WithName("SignOut");
        // Reached after signing out, so it cannot ask for a sign-in (in Azure that would sign the person straight back in).
        pages.MapGet("/signed-out", SignedOut).AllowAnonymous().WithName("SignedOutPage");
        // Any other address under /app: a sign-in first, then a friendly 404 page (not the API's 401).
        pages.Map("/{**path}", () => TypedResults.NotFound()).WithName("NoSuchPage");
        return app;
    }

    private static async Task<RazorComponentResult> Home(ClaimsPrincipal principal, UserDirectory users, PageNavigation navigation, CancellationToken ct)
    {
        var email = principal.SignInEmail() ?? "";
        var user = principal.KamFlowsUserId() is { } id ? (await users.FindAsync(id, ct))?.Value : null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        return new RazorComponentResult(typeof(HomePage), new Dictionary<string, object?>
        {
            [nameof(HomePage.DisplayName)] = user?.DisplayName ?? principal.FindFirstValue("name") ?? email,
            [nameof(HomePage.Email)] = user?.Email ?? email,
            [nameof(HomePage.Roles)] = roles,
            [nameof(HomePage.Links)] = await navigation.ForAsync(principal),
        });
    }

    private static async Task<RedirectHttpResult> SignOut(HttpContext context)
    {
        // Signs out of KamFlows only, not of the company's Entra ID account the person uses elsewhere.
        await context.SignOutAsync(PageCookie.Scheme);
        return TypedResults.Redirect(PagePaths.SignedOut);
    }

    private static RazorComponentResult SignedOut() => new(typeof(SignedOutPage));
}
