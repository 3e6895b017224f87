using Microsoft.AspNetCore.Antiforgery;

namespace KamFlows.App.Pages;

/// <summary>
/// Refuses a request to an endpoint that requires an antiforgery token (every page, see
/// <see cref="PageConventions"/>, and any endpoint that reads a form) when the token failed, before
/// the endpoint runs: a 400 problem (a page, for pages) and nothing changed. The framework's
/// middleware only records the verdict; without this gate a handler that reads no form would run.
/// </summary>
internal sealed class AntiforgeryGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true }
            && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            var problem = PageProblems.FormRejected();
            context.Response.StatusCode = problem.Status!.Value;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            return;
        }

        await next(context);
    }
}
