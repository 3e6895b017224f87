using System.Net.Mail;
using System.Security.Claims;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Pages;

/// <summary>One person on the development sign-in page.</summary>
public sealed record DevelopmentSignInPerson(string Email, string Name, IReadOnlyList<string> Roles);

/// <summary>
/// Development only (there is no Entra ID): a page listing the active users and the bootstrap
/// administrators; picking one issues the same page cookie Entra ID sign-in issues in Azure, holding
/// only the email and name, as an ID token would. What the person may do is decided on each request
/// from the users table (<see cref="UserClaimsTransformation"/>), exactly as in Azure.
/// </summary>
public static class DevelopmentSignIn
{
    private const int MostPeopleListed = 200;

    public static IEndpointRouteBuilder MapDevelopmentSignInPage(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup(PagePaths.DevelopmentSignIn).AsPages().AllowAnonymous();
        page.MapGet("", Show).WithName("DevelopmentSignInPage");
        page.MapPost("", SignIn).WithName("DevelopmentSignIn");
        return app;
    }

    private static async Task<RazorComponentResult> Show(
        string? returnUrl, UserDirectory users, IOptions<SecurityOptions> security, CancellationToken ct)
    {
        var listed = await users.ListAsync(null, Math.Min(MostPeopleListed, Paging.MaxPageSize), ct);
        var people = listed.Items.Where(u => u.Active)
            .Select(u => new DevelopmentSignInPerson(u.Email, u.DisplayName, u.Roles.Select(r => r.ToString()).ToList()))
            .ToList();
        people.AddRange(security.Value.BootstrapAdmins
            .Where(admin => !people.Any(p => p.Email.Equals(admin, StringComparison.OrdinalIgnoreCase)))
            .Select(admin => new DevelopmentSignInPerson(admin, admin, ["Admin"])));
        return new RazorComponentResult(typeof(DevelopmentSignInPage), new Dictionary<string, object?>
        {
            [nameof(DevelopmentSignInPage.People)] = people,
            [nameof(DevelopmentSignInPage.ReturnUrl)] = ReturnUrls.LocalOrHome(returnUrl),
        });
    }

    private static async Task<RedirectHttpResult> SignIn([Mvc.FromForm(Name = "Email")] string? email, [Mvc.FromForm(Name = "ReturnUrl")] string? returnUrl, HttpContext context)
    {
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email.Trim())
        {
            throw new BadInputException("Email", "Give the email of the person to sign in as.");
        }

        var identity = new ClaimsIdentity([new Claim("email", address.Address), new Claim("name", address.Address)], "Development", "name", ClaimTypes.Role);
        await context.SignInAsync(PageCookie.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        return TypedResults.Redirect(ReturnUrls.LocalOrHome(returnUrl));
    }
}
