using KamFlows.App.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

internal static class AuthenticationRegistration
{
    /// <summary>
    /// Bearer tokens for the API: Entra ID (Microsoft.Identity.Web) in Azure, development tokens locally;
    /// the page cookie for pages (<see cref="PageSignInRegistration"/>). Either way the roles come from
    /// the users table (<see cref="UserClaimsTransformation"/>).
    /// </summary>
    public static IHostApplicationBuilder AddKamFlowsSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        builder.Services.AddScoped<IClaimsTransformation, UserClaimsTransformation>();

        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<DevelopmentTokens>();
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer().AddPageSignIn(builder);
            builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<DevelopmentTokens, TimeProvider>((o, tokens, clock) =>
                {
                    o.MapInboundClaims = false;
                    o.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = DevelopmentTokens.Issuer,
                        ValidAudience = DevelopmentTokens.Audience,
                        IssuerSigningKey = tokens.Key,
                        NameClaimType = "name",
                        // Judge token lifetime by the app's clock, which tests and the development clock move.
                        LifetimeValidator = (notBefore, expires, _, _) =>
                        {
                            var now = clock.GetUtcNow().UtcDateTime;
                            return (notBefore is null || notBefore <= now.AddMinutes(5)) && (expires is null || expires > now.AddMinutes(-5));
                        },
                    };
                });
        }
        else
        {
            builder.Services.AddOptions<EntraIdOptions>().BindConfiguration(EntraIdOptions.Section).ValidateOnStart();
            builder.Services.AddSingleton<IValidateOptions<EntraIdOptions>, EntraIdOptionsValidator>();
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(builder.Configuration, EntraIdOptions.Section);
            builder.Services.AddAuthentication().AddPageSignIn(builder);
        }

        builder.Services.AddAuthorizationBuilder().AddKamFlowsPolicies();
        return builder;
    }
}
