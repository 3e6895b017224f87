using System.Security.Claims;
using KamFlows.App.Pages;
using KamFlows.App.Security;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Portfolio;

/// <summary>The portfolio page, for those who may read the whole portfolio (<see cref="Policies.PortfolioReaders"/>).</summary>
public static class PortfolioPages
{
    public const string Path = "/app/portfolio";

    public static IEndpointRouteBuilder MapPortfolioPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(Path).AsPages().RequireAuthorization(Policies.Pages, Policies.PortfolioReaders);
        pages.MapGet("", Show).WithName("PortfolioPage");
        return app;
    }

    public static string PathOf(string quarter, string? healthPage = null) =>
        healthPage is null ? $"{Path}?quarter={quarter}" : $"{Path}?quarter={quarter}&health={Uri.EscapeDataString(healthPage)}";

    private static async Task<RazorComponentResult> Show(
        string? quarter, string? health, ClaimsPrincipal principal, PortfolioOverview overview, PageViewers viewers, TimeProvider clock, CancellationToken ct)
    {
        var latest = Quarter.LastCompleteOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        // An unknown quarter in the address shows the latest: a page has no field to name in a problem.
        var chosen = Quarter.TryParse(quarter, out var q) && q <= latest ? q : latest;
        return new RazorComponentResult(typeof(PortfolioPage), new Dictionary<string, object?>
        {
            [nameof(PortfolioPage.View)] = await overview.ReadAsync(chosen, latest, string.IsNullOrEmpty(health) ? null : health, ct),
            [nameof(PortfolioPage.Viewer)] = await viewers.ReadAsync(principal, ct),
        });
    }
}
