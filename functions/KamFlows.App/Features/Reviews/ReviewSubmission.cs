using Azure;
using KamFlows.App.Engine;
using KamFlows.App.Features.Plans;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Plans;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Reviews;

namespace KamFlows.App.Features.Reviews;

public enum SubmissionOutcome
{
    Submitted,
    NotFound,
    NotTheKam,
    NotWaiting,
    Stale,
    Conflict,
}

/// <summary>
/// The KAM submits the review: the plan's draft (read at the caller's If-Match) is frozen as a new
/// version through the plans feature, its diff against the last approved version becomes the
/// sections, and the review hears <see cref="QuarterlyReviewCommand.Submit"/> (input id
/// <c>submit|{version}</c>: once). A retry after a crash between the two finds the version it froze
/// (still pending, by this KAM, since the review's turn began, the same content as the draft) and
/// submits that one rather than a second.
/// </summary>
public sealed class ReviewSubmission(InstanceStore instances, PlanStore plans, PlanService planService, ProcessEngine engine)
{
    public async Task<(SubmissionOutcome Outcome, int? Version)> SubmitAsync(string accountId, Quarter quarter, ETag ifMatch, Sender kam, CancellationToken ct)
    {
        var id = InstanceIds.For(QuarterlyReviewDefinition.DefinitionName, QuarterlyReviewDefinition.BusinessKeyOf(accountId, quarter.ToString()));
        if (await instances.LoadAsync(id, ct) is not { } loaded)
        {
            return (SubmissionOutcome.NotFound, null);
        }

        if (!loaded.Instance.Parties.TryGetValue(QuarterlyReviewDefinition.Kam, out var kams) || !kams.Contains(kam.UserId!, StringComparer.Ordinal))
        {
            return (SubmissionOutcome.NotTheKam, null);
        }

        var review = QuarterlyReviewDefinition.ReadState(loaded.Instance.StateJson);
        if (!review.WithTheKam)
        {
            return (SubmissionOutcome.NotWaiting, null);
        }

        var plan = await plans.ReadAsync(accountId, ct);
        if (plan.Draft is not { } draft)
        {
            return (SubmissionOutcome.NotFound, null);
        }

        if (draft.ETag != ifMatch)
        {
            return (SubmissionOutcome.Stale, null);
        }

        var version = await FrozenAlreadyAsync(accountId, plan, review, kam.UserId!, ct);
        if (version is null)
        {
            var (outcome, submitted) = await planService.SubmitAsync(accountId, ifMatch, kam.UserId!, ct);
            switch (outcome)
            {
                case PlanOutcome.Stale:
                    return (SubmissionOutcome.Stale, null);
                case not PlanOutcome.Done:
                    return (SubmissionOutcome.Conflict, null);
            }

            version = submitted!;
        }

        var approved = plan.Head?.Value.LastApprovedVersion is { } n ? (await plans.FindVersionAsync(accountId, n, ct))?.Value.Plan : null;
        var sections = ReviewSections.Of(PlanDiff.Between(approved, version.Plan));
        var sent = await engine.SendAsync(id, $"submit|{version.Number}", new EngineInput.Command(new QuarterlyReviewCommand.Submit(version.Number, sections)), kam, ct);
        return sent switch
        {
            SendOutcome.Applied or SendOutcome.Duplicate => (SubmissionOutcome.Submitted, version.Number),
            SendOutcome.NotAllowed => (SubmissionOutcome.NotTheKam, null),
            _ => (SubmissionOutcome.NotWaiting, version.Number),
        };
    }

    private async Task<PlanVersion?> FrozenAlreadyAsync(string accountId, PlanState plan, QuarterlyReviewState review, string kam, CancellationToken ct)
    {
        if (plan.Head?.Value.PendingVersion is not { } pending || await plans.FindVersionAsync(accountId, pending, ct) is not { Value: var version })
        {
            return null;
        }

        return version.SubmittedByUserId == kam && version.SubmittedAt >= review.Since
            && Same(version.Plan, plan.Draft!.Value.Plan) ? version : null;
    }

    private static bool Same(AccountPlan a, AccountPlan b) =>
        System.Text.Json.JsonSerializer.Serialize(a, PlanJson.Options) == System.Text.Json.JsonSerializer.Serialize(b, PlanJson.Options);
}
