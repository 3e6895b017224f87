using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KamFlows.App.Security;

/// <summary>
/// Development sign-in: issues a bearer token for any email, signed with a key made at start-up and
/// kept only in memory (so a token from a previous run, or from another machine, is worthless).
/// Exists only in Development; in Azure tokens come from Entra ID.
/// </summary>
public sealed class DevelopmentTokens(TimeProvider clock)
{
    public const string Issuer = "kamflows-development";
    public const string Audience = "kamflows-api";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public SymmetricSecurityKey Key { get; } = new(RandomNumberGenerator.GetBytes(32));

    public string Issue(string email, string? name = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Subject = new ClaimsIdentity([new Claim("email", email), new Claim("name", name ?? email)]),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}

public sealed record DevelopmentTokenRequest([property: Required, EmailAddress] string? Email);

public sealed record DevelopmentToken(string AccessToken, string TokenType, int ExpiresIn);

internal static class DevelopmentTokenEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/token", Issue)
            .AllowAnonymous()
            .WithName("IssueDevelopmentToken")
            .WithSummary("Development only: a bearer token for any email (the user's roles come from the users table).")
            .WithTags("Development");
        return app;
    }

    private static Ok<DevelopmentToken> Issue(DevelopmentTokenRequest request, DevelopmentTokens tokens) =>
        TypedResults.Ok(new DevelopmentToken(tokens.Issue(request.Email!), "Bearer", (int)DevelopmentTokens.Lifetime.TotalSeconds));
}
