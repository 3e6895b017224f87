namespace KamFlows.App.Pages;

/// <summary>
/// The headers every page answer carries, errors included (set as the answer starts, so an error
/// page written after the response was cleared gets them too): no Referer sent on from a page (a
/// page address may hold a token), no framing (clickjacking), nothing loaded from anywhere but
/// KamFlows, and no copy kept by the browser or a proxy of what a signed-in person saw.
/// </summary>
internal sealed class PageHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (PagePaths.IsPage(context.Request.Path))
        {
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // The stylesheet is the same for everyone; everything else may show who is signed in.
                headers.CacheControl = PagePaths.IsAsset(context.Request.Path) ? "no-cache" : "no-store";
                return Task.CompletedTask;
            }, context);
        }

        return next(context);
    }
}
