using Microsoft.AspNetCore.Antiforgery;

namespace KamFlows.App.Pages;

/// <summary>What every group of pages shares.</summary>
internal static class PageConventions
{
    /// <summary>
    /// Pages are not part of the API document, and every request to a page that may change something
    /// (POST, PUT, PATCH, DELETE) must carry a valid antiforgery token, whether or not its handler reads
    /// a form: the antiforgery middleware checks it and <see cref="AntiforgeryGate"/> refuses a failure.
    /// </summary>
    public static RouteGroupBuilder AsPages(this RouteGroupBuilder group)
    {
        group.ExcludeFromDescription();
        group.WithMetadata(new RequireAntiforgeryTokenAttribute());
        return group;
    }
}
