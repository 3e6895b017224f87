using System.Security.Claims;
using KamFlows.App.Pages;
using KamFlows.App.Security;

namespace KamFlows.App.Features.Pipeline;

/// <summary>The pipeline and forecast page, for those who read the whole portfolio (<see cref="Policies.PortfolioReaders"/>).</summary>
public static class PipelinePages
{
    public const string Path = "/app/pipeline";

    public static IEndpointRouteBuilder MapPipelinePages(this IEndpointRouteBuilder app)
    {
        app.MapGroup(Path).AsPages().RequireAuthorization(Policies.Pages, Policies.PortfolioReaders)
            .MapGet("", Show).WithName("PipelinePage");
        return app;
    }

    private static async Task<RazorComponentResult> Show(ClaimsPrincipal principal, PipelineReport report, PageViewers viewers, CancellationToken ct)
    {
        var viewer = await viewers.ReadAsync(principal, ct);
        return new RazorComponentResult(typeof(PipelinePage), new Dictionary<string, object?>
        {
            [nameof(PipelinePage.View)] = await report.ReadAsync(principal, viewer.Clock.Today, ct),
        });
    }
}
