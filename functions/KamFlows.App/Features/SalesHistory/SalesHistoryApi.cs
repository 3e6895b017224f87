using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Portfolio;
using KamFlows.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.SalesHistory;

/// <summary>A quarter of an account's sales history: by product line, business unit and currency, and the total in the reporting currency.</summary>
public sealed record SalesHistoryQuarter(string Quarter, IReadOnlyList<SalesHistoryLine> Lines, decimal Total, string ReportingCurrency);

/// <summary>An account's sales history, read as its account (<see cref="AccountAccess"/>).</summary>
public static class SalesHistoryApi
{
    public static IEndpointRouteBuilder MapSalesHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/accounts/{id}/sales-history", Get).WithTags("Sales history").WithName("GetSalesHistory")
            .WithSummary("The account's imported sales by quarter and product line (?from=, ?to= quarters such as 2026-Q1; default the last eight).");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<SalesHistoryQuarter>>, NotFound, ValidationProblem>> Get(
        string id, string? from, string? to, ClaimsPrincipal principal, AccountAccess access, SalesHistoryProjection history,
        IOptions<PortfolioOptions> portfolio, TimeProvider clock, CancellationToken ct)
    {
        var current = Quarter.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Quarter first = current.Plus(-7), last = current;
        if ((from is not null && !Quarter.TryParse(from, out first)) || (to is not null && !Quarter.TryParse(to, out last)) || first > last)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["From and to are quarters such as 2026-Q1, from not after to."] });
        }

        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        var options = portfolio.Value;
        var quarters = await history.ReadAsync(grant.Id, first.ToString(), last.ToString(), ct);
        return TypedResults.Ok<IReadOnlyList<SalesHistoryQuarter>>([.. quarters.Where(q => q.Lines.Count > 0).Select(q => new SalesHistoryQuarter(q.Quarter, q.Lines,
            q.Lines.Where(l => options.Accepts(l.Currency)).Sum(l => options.ToReporting(l.NetValue, l.Currency)), options.ReportingCurrency))]);
    }
}
