using System.Text.Encodings.Web;
using System.Text.Unicode;
using KamFlows.App.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.Extensions.Hosting;

internal static class PagesRegistration
{
    /// <summary>
    /// Server-rendered pages: Razor components returned by minimal-API handlers (RazorComponentResult),
    /// antiforgery, the page strings in each language, and problems shown as pages.
    /// </summary>
    public static IHostApplicationBuilder AddKamFlowsPages(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddRazorComponents();
        // Portuguese reads as written ("sessão", not "sess&#xE3;o"); HTML-significant characters are still escaped.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "kamflows.antiforgery";
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // PageHeaders sends X-Frame-Options: DENY and frame-ancestors 'none' on every page instead.
            o.SuppressXFrameOptionsHeader = true;
        });
        builder.Services.AddSingleton<PageTexts>();
        builder.Services.AddSingleton<PageViewers>();
        builder.Services.AddScoped<PageNavigation>();
        builder.Services.AddHttpContextAccessor();
        // Resolved when a page renders, after sign-in has run, so the signed-in person's language counts.
        builder.Services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IHttpContextAccessor>().HttpContext;
            return sp.GetRequiredService<PageTexts>().For(context is null ? PageTexts.Languages[0] : PageLanguage.Choose(context));
        });
        // Ahead of the default JSON writer, which would otherwise answer a browser's "*/*".
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, PageProblemWriter>());
        return builder;
    }

    /// <summary>
    /// The page headers, and the stylesheet (embedded in the app: nothing is fetched from elsewhere at
    /// run time). Before routing, so the stylesheet is served before the page catch-all could match it.
    /// </summary>
    public static IApplicationBuilder UseKamFlowsPages(this IApplicationBuilder app)
    {
        app.UseMiddleware<PageHeaders>();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = PagePaths.Assets,
            FileProvider = new EmbeddedFileProvider(typeof(PagesRegistration).Assembly, "KamFlows.App.Pages.Static"),
        });
        return app;
    }

    /// <summary>After authorization: a form is checked against the person the page cookie names, and refused before its endpoint runs.</summary>
    public static IApplicationBuilder UseKamFlowsAntiforgery(this IApplicationBuilder app)
    {
        app.UseAntiforgery();
        app.UseMiddleware<AntiforgeryGate>();
        return app;
    }
}
