namespace KamFlows.App.Security;

/// <summary>
/// The sign-in of pages: a cookie, issued by Entra ID sign-in (OpenID Connect) in Azure and by the
/// development sign-in page locally. It holds who signed in (email, name), never roles: those are
/// read from the users table on each request, as for bearer tokens. The API never reads it, so a
/// page's cookie cannot be used to call the API from another site.
/// </summary>
public static class PageCookie
{
    public const string Scheme = "Pages";
    public const string Name = "kamflows";

    /// <summary>How long a sign-in lasts without a visit (sliding: each visit past half-way renews it).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);
}
