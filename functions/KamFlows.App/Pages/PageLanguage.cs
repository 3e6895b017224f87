using System.Security.Claims;
using KamFlows.App.Security;
using Microsoft.Net.Http.Headers;

namespace KamFlows.App.Pages;

/// <summary>
/// Which language a page is written in: the signed-in user's own (from the users table, see
/// <see cref="UserClaimsTransformation"/>); before sign-in, the browser's Accept-Language among
/// ours (a bare or unknown Portuguese variant reads as pt-BR, the department's home); else English.
/// </summary>
public static class PageLanguage
{
    public static string Choose(ClaimsPrincipal? user, IList<StringWithQualityHeaderValue>? acceptLanguage)
    {
        if (user?.FindFirstValue(KamFlowsClaims.Language) is { } own && Supported(own) is { } supported)
        {
            return supported;
        }

        foreach (var wanted in (acceptLanguage ?? []).Where(a => a.Quality is null or > 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var tag = wanted.Value.Value ?? "";
            if (Supported(tag) is { } exact)
            {
                return exact;
            }

            var primary = tag.Split('-')[0];
            if (PageTexts.Languages.FirstOrDefault(l => l.Split('-')[0].Equals(primary, StringComparison.OrdinalIgnoreCase)) is { } near)
            {
                return near;
            }
        }

        return PageTexts.Languages[0];
    }

    public static string Choose(HttpContext context) => Choose(context.User, context.Request.GetTypedHeaders().AcceptLanguage);

    private static string? Supported(string tag) => PageTexts.Languages.FirstOrDefault(l => l.Equals(tag, StringComparison.OrdinalIgnoreCase));
}
