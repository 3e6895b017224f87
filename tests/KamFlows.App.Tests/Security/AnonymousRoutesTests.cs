using KamFlows.App.Hosting;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Security;

/// <summary>
/// The only anonymous routes are those DESIGN.md lists. A new route is signed-in by default (the
/// fallback policy); this test fails the day someone marks another one anonymous.
/// </summary>
public sealed class AnonymousRoutesTests(AnonymousRoutesTests.App app) : IClassFixture<AnonymousRoutesTests.App>
{
    public sealed class App : KamFlowsApp
    {
        public App(Azurite azurite)
            : base(azurite) => UnderFunctionsHost = true; // so the trigger endpoints are mapped too
    }

    // The signed-out page: where signing out ends, so it cannot ask for a sign-in. The SendGrid Event Webhook verifies its own signature.
    // A calendar feed is fetched by Outlook or Google Calendar without signing in: its secret authenticates it.
    private static readonly string[] AllowedExact = ["/", "/api/health", "/app/signed-out", "/api/webhooks/sendgrid", "/app/feeds/{userId}.ics"];

    // Development only: sign-in tokens, the OpenAPI document and its UI.
    private static readonly string[] AllowedPrefixes = ["/dev/", "/openapi/", "/scalar"];

    [Fact]
    public void Only_the_listed_routes_are_anonymous()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var anonymous = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            // Trigger endpoints are reached only by the Functions host on its private port: no HTTP function routes to them.
            .Where(e => e.Metadata.GetMetadata<TriggerEndpointMetadata>() is null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(route => !AllowedExact.Contains(route) && !AllowedPrefixes.Any(p => route.StartsWith(p, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(anonymous);
    }

    [Fact]
    public async Task An_api_route_without_a_token_is_401_problem()
    {
        var response = await app.CreateClient().GetAsync("/api/users", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_for_someone_who_is_not_a_user_is_403()
    {
        var response = await app.ClientFor("stranger@elsewhere.test").GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_token_is_401()
    {
        var client = app.CreateClient();
        var key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]);
        var forged = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = KamFlows.App.Security.DevelopmentTokens.Issuer,
            Audience = KamFlows.App.Security.DevelopmentTokens.Audience,
            Claims = new Dictionary<string, object> { ["email"] = KamFlowsApp.AdminEmail },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(key, "HS256"),
        });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", forged);

        var response = await client.GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_development_token_expires_with_the_clock()
    {
        var client = app.AdminClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/me", TestContext.Current.CancellationToken)).StatusCode);

        app.Clock.Advance(KamFlows.App.Security.DevelopmentTokens.Lifetime + TimeSpan.FromMinutes(10));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", TestContext.Current.CancellationToken)).StatusCode);
    }
}
