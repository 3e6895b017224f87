namespace KamFlows.App.Pages;

/// <summary>
/// Where to go after signing in or out. Only a path of this site is followed; anything else (another
/// host, a scheme, "//host", "/\host", control characters) goes home, so a crafted sign-in link
/// cannot send a person on to a look-alike site.
/// </summary>
public static class ReturnUrls
{
    public static string LocalOrHome(string? url) => IsLocal(url) ? url! : PagePaths.Home;

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= 2048
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => c == '\\' || char.IsControl(c));
}
