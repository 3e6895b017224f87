using System.Security.Claims;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Security;

/// <summary>Claims KamFlows adds to a signed-in principal from its own users table.</summary>
public static class KamFlowsClaims
{
    /// <summary>The KamFlows user id (absent for a bootstrap administrator who has no user record yet).</summary>
    public const string UserId = "kamflows:uid";

    /// <summary>Present on every active member; the fallback policy requires it.</summary>
    public const string Member = "kamflows:member";

    /// <summary>The language the user reads KamFlows in (pt-BR, pt-PT, en), from the users table.</summary>
    public const string Language = "kamflows:lang";

    public static string? KamFlowsUserId(this ClaimsPrincipal principal) => principal.FindFirstValue(UserId);

    public static bool Has(this ClaimsPrincipal principal, Role role) => principal.IsInRole(role.ToString());

    /// <summary>The sign-in name in the token: Entra ID puts it in preferred_username (v2) or upn (v1); development tokens in email.</summary>
    public static string? SignInEmail(this ClaimsPrincipal principal) =>
        principal.FindFirstValue("email")
        ?? principal.FindFirstValue(ClaimTypes.Email)
        ?? principal.FindFirstValue("preferred_username")
        ?? principal.FindFirstValue(ClaimTypes.Upn)
        ?? principal.FindFirstValue("upn");
}
