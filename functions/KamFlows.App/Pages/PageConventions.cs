using Microsoft.AspNetCore.Antiforgery;

namespace KamFlows.App.Pages;

/// <summary>What every group of pages shares.</summary>
internal static class PageConventions
{
    /// <summary>
    /// Pages are not part of the API document, and every request that may change something (anything
    /// but GET and HEAD) must carry a valid antiforgery token: the antiforgery middleware checks each
    /// such request to a page, and the filter refuses the ones that failed, before the handler runs,
    /// whether or not the handler reads a form. So no page form can be sent from another site.
    /// </summary>
    public static RouteGroupBuilder AsPages(this RouteGroupBuilder group)
    {
        group.ExcludeFromDescription();
        group.WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.AddEndpointFilter(static async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                && http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return TypedResults.Problem(PageProblems.FormRejected());
            }

            return await next(context);
        });
        return group;
    }
}
