using KamFlows.App.Http;
using KamFlows.App.Pages;
using KamFlows.App.Security;
using KamFlows.App.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Microsoft.Extensions.Hosting;

internal static class PageSignInRegistration
{
    /// <summary>The application name all instances share, so each one reads the others' cookies and tokens.</summary>
    public const string DataProtectionApplicationName = "KamFlows";

    /// <summary>
    /// The page cookie, and what issues it: Entra ID (OpenID Connect, ID token posted back to
    /// <see cref="PagePaths.SignInCallback"/>) outside Development; the development sign-in page in
    /// Development. Data Protection keys, which protect the cookie and antiforgery tokens, live in
    /// Blob Storage.
    /// </summary>
    public static AuthenticationBuilder AddPageSignIn(this AuthenticationBuilder authentication, IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        if (development)
        {
            authentication.AddCookie(PageCookie.Scheme);
        }
        else
        {
            // The cookie scheme is added by Microsoft.Identity.Web, with the OpenID Connect scheme that issues it.
            authentication.AddMicrosoftIdentityWebApp(builder.Configuration, EntraIdOptions.Section, OpenIdConnectDefaults.AuthenticationScheme, PageCookie.Scheme);
            builder.Services.Configure<MicrosoftIdentityOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                // Sign-in only: the ID token comes back by form post; no code to redeem, so no client secret.
                o.ResponseType = OpenIdConnectResponseType.IdToken;
                o.ResponseMode = OpenIdConnectResponseMode.FormPost;
                o.CallbackPath = PagePaths.SignInCallback;
            });
            builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
                .PostConfigure<IOptions<AppOptions>>((o, app) =>
                {
                    // Behind the Functions host the request may not show the public scheme and host, and
                    // the registration names exactly one address: the public one.
                    var redirectUri = new Uri(app.Value.PublicBaseUrl!, PagePaths.SignInCallback).ToString();
                    var inner = o.Events.OnRedirectToIdentityProvider;
                    o.Events.OnRedirectToIdentityProvider = async context =>
                    {
                        context.ProtocolMessage.RedirectUri = redirectUri;
                        await inner(context);
                    };
                });
        }

        builder.Services.AddOptions<CookieAuthenticationOptions>(PageCookie.Scheme).Configure(o =>
        {
            o.Cookie.Name = PageCookie.Name;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = PageCookie.IdleTimeout;
            o.SlidingExpiration = true;
            if (development)
            {
                o.LoginPath = PagePaths.DevelopmentSignIn;
            }
            else
            {
                o.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme;
            }

            // A signed-in person without the right: a 403 answered in place (the status page shows why),
            // not a redirect to a page of its own.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        builder.Services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        builder.Services.AddSingleton<BlobKeyRepository>();
        builder.Services.AddOptions<KeyManagementOptions>().Configure<BlobKeyRepository>((o, keys) => o.XmlRepository = keys);
        return authentication;
    }
}
