using System.Security.Claims;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Processes;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Reviews;

namespace KamFlows.App.Features.Reviews;

/// <summary>
/// The quarterly reviews: an administrator starts a quarter by hand (what the timer does), those who
/// oversee every process watch it, and the KAM submits their review. The quarter is the one the
/// reviews are held in (yyyy-Qn); its reviews look back on the quarter before.
/// </summary>
public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var quarters = app.MapGroup("api/reviews/quarters/{quarter}").WithTags("Reviews");
        quarters.MapPost("start", Start).RequireAuthorization(Policies.Admin).WithName("StartQuarterlyReviews")
            .WithSummary("Opens a review for every account plan of a quarter that has begun; a review open already is left alone (what the timer does).");
        quarters.MapGet("", Quarter).RequireAuthorization(Policies.ProcessOverseers).WithName("GetQuarterlyReviews")
            .WithSummary("How many of the quarter's reviews are open, submitted, approved, rejected and overdue; each with whom it waits on since when.");
        quarters.MapGet("accounts/{accountId}", Review).WithName("GetQuarterlyReview")
            .WithSummary("One account's review: the package, its step and every approval round with the comments.");
        quarters.MapPost("accounts/{accountId}/submit", Submit).WithName("SubmitQuarterlyReview")
            .WithSummary("The KAM submits the review: the plan's draft read at If-Match becomes a new version, sent to the director for approval.");
        return app;
    }

    private static async Task<Results<Accepted<QuarterStarted>, ValidationProblem>> Start(string quarter, ReviewFanOut fanOut, TimeProvider clock, CancellationToken ct)
    {
        if (Parse(quarter) is not { } q)
        {
            return NotAQuarter();
        }

        if (q > Domain.Accounts.Quarter.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quarter"] = [$"{q} has not begun: reviews are opened in the quarter they are held in."] });
        }

        var plans = await fanOut.StartAsync(q, ct);
        return TypedResults.Accepted($"/api/reviews/quarters/{q}", new QuarterStarted(q.ToString(), plans));
    }

    private static async Task<Results<Ok<QuarterReviewsView>, ValidationProblem>> Quarter(string quarter, QuarterOverview overview, CancellationToken ct) =>
        Parse(quarter) is { } q ? TypedResults.Ok(await overview.ViewAsync(q, ct)) : NotAQuarter();

    private static async Task<Results<Ok<ReviewView>, NotFound, ValidationProblem>> Review(
        string quarter, string accountId, ClaimsPrincipal principal, AccountAccess access, InstanceStore instances, CancellationToken ct)
    {
        if (Parse(quarter) is not { } q)
        {
            return NotAQuarter();
        }

        var id = InstanceIds.For(QuarterlyReviewDefinition.DefinitionName, QuarterlyReviewDefinition.BusinessKeyOf(accountId, q.ToString()));
        if (await access.FindAsync(principal, accountId, ct) is null || await instances.LoadAsync(id, ct) is not { Instance: var instance })
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new ReviewView(accountId, q.ToString(), instance.Id, instance.Step, QuarterlyReviewDefinition.ReadState(instance.StateJson)));
    }

    private static async Task<Results<Ok<ReviewView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Submit(
        string quarter, string accountId, ClaimsPrincipal principal, HttpRequest request, AccountAccess access, ReviewSubmission submission, InstanceStore instances, CancellationToken ct)
    {
        if (Parse(quarter) is not { } q)
        {
            return NotAQuarter();
        }

        if (!Preconditions.TryGetIfMatch(request, out var ifMatch))
        {
            return Preconditions.IfMatchRequired();
        }

        if (await access.FindAsync(principal, accountId, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        var (outcome, _) = await submission.SubmitAsync(grant.Id, q, ifMatch, ProcessesApi.SenderOf(principal), ct);
        switch (outcome)
        {
            case SubmissionOutcome.NotFound:
                return TypedResults.NotFound();
            case SubmissionOutcome.NotTheKam:
                return TypedResults.Forbid();
            case SubmissionOutcome.Stale:
                return Preconditions.Stale();
            case SubmissionOutcome.NotWaiting:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not waiting for the KAM",
                    detail: "This review is with the director or closed: it is submitted again only after it comes back.");
            case SubmissionOutcome.Conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Submitted at the same time", detail: "Another version was submitted at the same moment. Read the plan again.");
        }

        var id = InstanceIds.For(QuarterlyReviewDefinition.DefinitionName, QuarterlyReviewDefinition.BusinessKeyOf(grant.Id, q.ToString()));
        var instance = (await instances.LoadAsync(id, ct))!.Instance;
        return TypedResults.Ok(new ReviewView(grant.Id, q.ToString(), instance.Id, instance.Step, QuarterlyReviewDefinition.ReadState(instance.StateJson)));
    }

    private static Quarter? Parse(string text) => Domain.Accounts.Quarter.TryParse(text, out var q) ? q : null;

    private static ValidationProblem NotAQuarter() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quarter"] = ["A quarter is written like 2026-Q2."] });
}
