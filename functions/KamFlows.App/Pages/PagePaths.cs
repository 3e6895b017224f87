namespace KamFlows.App.Pages;

/// <summary>
/// Where the pages live. In Azure the Functions host proxies only the route groups its HTTP functions
/// declare, so every page, the sign-in callback and the stylesheet sit under <c>/app/</c> (function
/// <c>App</c>); the development sign-in page sits with the other development routes under <c>/dev/</c>.
/// </summary>
public static class PagePaths
{
    public const string Group = "/app";
    public const string Home = "/app/";
    public const string SignOut = "/app/sign-out";
    public const string SignedOut = "/app/signed-out";

    /// <summary>Where Entra ID posts the ID token back (registered on the app registration by the provisioning hook).</summary>
    public const string SignInCallback = "/app/signin-oidc";

    public const string Assets = "/app/static";
    public const string Stylesheet = "/app/static/site.css";

    /// <summary>Development only: pick a user to sign in as.</summary>
    public const string DevelopmentSignIn = "/dev/sign-in";

    /// <summary>
    /// Whether a request is for a page (answered in HTML, with the page headers, and its errors shown
    /// as pages) rather than for the API.
    /// </summary>
    public static bool IsPage(PathString path) =>
        path.StartsWithSegments(Group, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(DevelopmentSignIn, StringComparison.OrdinalIgnoreCase);

    public static bool IsAsset(PathString path) => path.StartsWithSegments(Assets, StringComparison.OrdinalIgnoreCase);
}
