using System.Diagnostics;
using KamFlows.App.Security;
using Microsoft.AspNetCore.Authentication;

namespace KamFlows.App.Pages;

/// <summary>
/// Writes a problem for a page request as a friendly page in the layout, in the person's language,
/// instead of JSON: a missing page (404), a forbidden one (403), a form that was not accepted (400),
/// and failures on our side. The API keeps its RFC 9457 JSON. Registered ahead of the default writer.
/// </summary>
internal sealed class PageProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => PagePaths.IsPage(context.HttpContext.Request.Path);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        // A page that does not exist has no endpoint, so nothing read the page cookie yet: read it
        // here, so the error page is in the person's language and offers sign-out.
        if (http.User.Identity?.IsAuthenticated != true && await http.AuthenticateAsync(PageCookie.Scheme) is { Succeeded: true } signedIn)
        {
            http.User = signedIn.Principal;
        }

        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var page = new RazorComponentResult<ErrorPage>(new Dictionary<string, object?>
        {
            [nameof(ErrorPage.Status)] = status,
            [nameof(ErrorPage.TraceId)] = Activity.Current?.Id ?? http.TraceIdentifier,
        })
        {
            StatusCode = status,
        };
        await page.ExecuteAsync(http);
    }
}
