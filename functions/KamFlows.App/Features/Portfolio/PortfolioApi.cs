using System.Security.Claims;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Plans;
using KamFlows.App.Security;
using KamFlows.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Portfolio;

/// <summary>
/// The portfolio: Pareto classes with hysteresis, risk signals, manual class overrides (directors,
/// heads of KAM and administrators read; heads of KAM and administrators change), an account's
/// health (as its account: <see cref="AccountAccess"/>) and, for administrators until the ERP
/// import does it, writing revenue rows.
/// </summary>
public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolioApi(this IEndpointRouteBuilder app)
    {
        var portfolio = app.MapGroup("api/portfolio").WithTags("Portfolio");
        portfolio.MapGet("pareto", Pareto).RequireAuthorization(Policies.PortfolioReaders).WithName("GetPareto")
            .WithSummary("A quarter's A/B/C classes (after hysteresis and overrides), the cumulative revenue curve, this quarter's class changes and the pending ones. Default: the last complete quarter.");
        portfolio.MapPost("pareto/apply", Apply).RequireAuthorization(Policies.PortfolioManagers).WithName("ApplyParetoClasses")
            .WithSummary("Writes a quarter's classes onto the key accounts whose class differs.");
        portfolio.MapGet("risks", Risks).RequireAuthorization(Policies.PortfolioReaders).WithName("GetPortfolioRisks")
            .WithSummary("A quarter's mono-dependence per business unit, key-account share against the healthy band, and key accounts with falling revenue.");
        portfolio.MapGet("class-overrides", Overrides).RequireAuthorization(Policies.PortfolioReaders).WithName("ListClassOverrides")
            .WithSummary("Every class set by hand, with its reason.");
        portfolio.MapPost("class-overrides", Override).RequireAuthorization(Policies.PortfolioManagers).WithName("SetClassOverride")
            .WithSummary("Sets an account's class by hand from a quarter on, with a reason (hysteresis counts only later quarters against it).");
        app.MapPut("api/admin/revenue", WriteRevenue).RequireAuthorization(Policies.Admin).WithTags("Portfolio").WithName("WriteRevenue")
            .WithSummary("Writes net revenue rows (customer, business unit, quarter, net value, currency); a row written again replaces the earlier one.");
        app.MapGet("api/accounts/{id}/health", Health).WithTags("Portfolio").WithName("GetAccountHealth")
            .WithSummary("The account's health score with the uncoupling signals behind it, their weights, and the score at the end of each of the last four quarters.");
        return app;
    }

    private static async Task<Results<Ok<ParetoView>, ValidationProblem>> Pareto(string? quarter, ParetoReport report, TimeProvider clock, CancellationToken ct) =>
        QuarterOf(quarter, clock) is { } q ? TypedResults.Ok(await report.ViewAsync(q, ct)) : WrongQuarter();

    private static async Task<Results<Ok<AppliedClasses>, ValidationProblem>> Apply(string? quarter, ParetoReport report, TimeProvider clock, CancellationToken ct) =>
        QuarterOf(quarter, clock) is { } q ? TypedResults.Ok(await report.ApplyAsync(q, ct)) : WrongQuarter();

    private static async Task<Results<Ok<RisksView>, ValidationProblem>> Risks(string? quarter, PortfolioRisks risks, TimeProvider clock, CancellationToken ct) =>
        QuarterOf(quarter, clock) is { } q ? TypedResults.Ok(await risks.ViewAsync(q, ct)) : WrongQuarter();

    private static async Task<Ok<IReadOnlyList<StoredClassOverride>>> Overrides(ClassOverrides overrides, CancellationToken ct) =>
        TypedResults.Ok(await overrides.AllAsync(ct));

    private static async Task<Results<Created<StoredClassOverride>, ValidationProblem>> Override(
        ClassOverrideInput input, ClaimsPrincipal principal, ClassOverrides overrides, TimeProvider clock, CancellationToken ct)
    {
        if (!AccountStore.IsKey(input.AccountId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["accountId"] = ["An account id is 1 to 64 letters or digits."] });
        }

        var stored = new StoredClassOverride(input.AccountId!, input.Quarter!, input.Class!.Value, input.Reason!.Trim(), PlansApi.Who(principal), clock.GetUtcNow());
        await overrides.SetAsync(stored, ct);
        return TypedResults.Created("/api/portfolio/class-overrides", stored);
    }

    private static async Task<Results<Ok<RevenueWritten>, ValidationProblem>> WriteRevenue(
        RevenueBatchInput input, RevenueStore revenue, BusinessUnitCatalog units, IOptions<PortfolioOptions> options, CancellationToken ct)
    {
        var rows = input.ToRows();
        var errors = new Dictionary<string, string[]>();
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!known.TryGetValue(rows[i].BusinessUnit, out var exists))
            {
                exists = await units.FindAsync(rows[i].BusinessUnit, ct) is not null;
                known[rows[i].BusinessUnit] = exists;
            }

            if (!exists)
            {
                errors[$"rows[{i}].businessUnit"] = [$"There is no business unit '{rows[i].BusinessUnit}'."];
            }

            if (!options.Value.Accepts(rows[i].Currency))
            {
                errors[$"rows[{i}].currency"] = [$"Revenue is summed in {options.Value.ReportingCurrency}; there is no exchange rate for {rows[i].Currency} (Portfolio:ExchangeRates)."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await revenue.WriteAsync(rows, ct);
        return TypedResults.Ok(new RevenueWritten(rows.Count));
    }

    private static async Task<Results<Ok<AccountHealthView>, NotFound>> Health(string id, ClaimsPrincipal principal, AccountAccess access, AccountHealth health, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant ? TypedResults.Ok(await health.ViewAsync(grant.Account.Value, ct)) : TypedResults.NotFound();

    /// <summary>The quarter asked for, or by default the last complete one (UTC).</summary>
    private static Quarter? QuarterOf(string? text, TimeProvider clock) =>
        string.IsNullOrEmpty(text) ? Quarter.LastCompleteOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        : Quarter.TryParse(text, out var q) ? q : null;

    private static ValidationProblem WrongQuarter() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quarter"] = ["Quarter is a calendar quarter, e.g. 2026-Q1."] });
}

/// <summary>How many revenue rows were written.</summary>
public sealed record RevenueWritten(int Rows);
