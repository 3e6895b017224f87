using System.Net;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KamFlows.App.Tests.Pages;

/// <summary>
/// Outside Development a page sends the person to Entra ID (OpenID Connect) to sign in. Checked
/// without the network: the tenant's metadata is given, and the test reads the redirect.
/// </summary>
public sealed class EntraSignInTests(Azurite azurite)
{
    private const string Authorize = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/authorize";

    [Fact]
    public async Task A_page_without_sign_in_goes_to_entra_id_for_an_id_token_posted_back_to_the_public_address()
    {
        await using var app = new KamFlowsApp(azurite)
        {
            Environment = "Production",
            Settings = ProductionSettings(),
            ExtraServices = services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                var metadata = new OpenIdConnectConfiguration { AuthorizationEndpoint = Authorize, Issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0" };
                o.Configuration = metadata;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
            }),
        };
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/app/accounts?x=1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Authorize + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("00000000-0000-0000-0000-000000000002", query["client_id"]);
        Assert.Equal("id_token", query["response_type"]);
        Assert.Equal("form_post", query["response_mode"]);
        Assert.Equal("https://kamflows.test/app/signin-oidc", query["redirect_uri"]);
        Assert.Contains("openid", query["scope"].ToString(), StringComparison.Ordinal);
        // The nonce and correlation cookies are Secure (the page cookie will be too).
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_api_still_answers_a_missing_bearer_token_with_401_not_a_sign_in_redirect()
    {
        await using var app = new KamFlowsApp(azurite)
        {
            Environment = "Production",
            Settings = ProductionSettings(),
        };

        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync("/api/users", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>What Production requires to start, with made-up values: Entra ID without a network call, and no email sent.</summary>
    private static Dictionary<string, string?> ProductionSettings() => new()
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
        ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
        ["Telemetry:Exporter"] = "Console",
        ["Links:Key"] = Convert.ToBase64String(new byte[32]),
        ["SendGrid:ApiKey"] = "SG.not-used-by-these-tests",
        ["Email:FromAddress"] = "kamflows@kamflows.test",
    };
}
