using System.Security.Claims;
using KamFlows.App.Pages;
using KamFlows.App.Security;

namespace KamFlows.App.Features.Tenders;

/// <summary>
/// The tender calendar page: the next twelve months of tenders (all for heads of KAM, directors and
/// administrators, a KAM's own accounts' for a KAM, as <see cref="TenderReports"/> decides), each
/// with its next milestone and late flags. Tenders whose date has passed without a result stay on it
/// until their outcome is recorded.
/// </summary>
public static class TenderCalendarPages
{
    public const string Path = "/app/tenders";

    public const int Months = 12;

    public static IEndpointRouteBuilder MapTenderCalendarPages(this IEndpointRouteBuilder app)
    {
        app.MapGroup(Path).AsPages().RequireAuthorization(Policies.Pages).MapGet("", Show).WithName("TenderCalendarPage");
        return app;
    }

    private static async Task<RazorComponentResult> Show(ClaimsPrincipal principal, TenderReports reports, PageViewers viewers, CancellationToken ct)
    {
        var viewer = await viewers.ReadAsync(principal, ct);
        var today = viewer.Clock.Today;
        var calendar = await reports.CalendarAsync(principal, DateOnly.MinValue, today.AddMonths(Months), ct);
        var lines = calendar.Tenders.Where(t => t.TenderDate >= today || t.Status == Domain.Tenders.TenderPhase.AwaitingOutcome).ToList();
        return new RazorComponentResult(typeof(TenderCalendarPage), new Dictionary<string, object?>
        {
            [nameof(TenderCalendarPage.Today)] = today,
            [nameof(TenderCalendarPage.Until)] = today.AddMonths(Months),
            [nameof(TenderCalendarPage.Tenders)] = lines,
        });
    }
}
