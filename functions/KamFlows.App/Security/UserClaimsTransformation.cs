using System.Security.Claims;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Security;

/// <summary>
/// Turns "who the token says you are" into "what KamFlows lets you do": the roles come from the users
/// table, never from the token, so an administrator's change takes effect on the next request and a
/// deactivated user loses access at once.
/// </summary>
internal sealed class UserClaimsTransformation(UserDirectory users, IOptions<SecurityOptions> security) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == KamFlowsClaims.Member))
        {
            return principal;
        }

        var email = principal.SignInEmail();
        if (email is null)
        {
            return principal;
        }

        var claims = new List<Claim>();
        var user = await users.FindSignInAsync(email, CancellationToken.None);
        if (user is { Active: true })
        {
            claims.Add(new Claim(KamFlowsClaims.UserId, user.UserId));
            claims.Add(new Claim(KamFlowsClaims.Member, "true"));
            claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
            claims.Add(new Claim(KamFlowsClaims.Language, user.Language));
        }
        else if (user is null && security.Value.BootstrapAdmins.Contains(email, StringComparer.OrdinalIgnoreCase))
        {
            claims.Add(new Claim(KamFlowsClaims.Member, "true"));
            claims.Add(new Claim(ClaimTypes.Role, nameof(Role.Admin)));
        }

        if (claims.Count == 0)
        {
            return principal;
        }

        var result = principal.Clone();
        result.AddIdentity(new ClaimsIdentity(claims, "KamFlows", ClaimTypes.Name, ClaimTypes.Role));
        return result;
    }
}
