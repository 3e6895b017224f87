using System.Security.Claims;
using KamFlows.Domain.Pipeline;

namespace KamFlows.App.Features.Pipeline;

/// <summary>An open deal as its feature knows it, in its own currency (the report converts).</summary>
public sealed record OpenDeal(OpportunityKind Kind, string Id, string AccountId, string Title, string Stage, decimal Value, string Currency, DateOnly ExpectedClose);

/// <summary>A deal that ended, in its own currency, on the day it ended.</summary>
public sealed record EndedDeal(OpportunityKind Kind, string Id, DealResult Result, string? Reason, decimal Value, string Currency, DateOnly EndedOn);

/// <summary>What one feature puts in the pipeline: its open deals and those that ended on or after <c>since</c>.</summary>
public sealed record PipelineDeals(IReadOnlyList<OpenDeal> Open, IReadOnlyList<EndedDeal> Ended);

/// <summary>
/// A feature whose processes are deals (proposals, tenders), registered as an
/// <see cref="IPipelineSource"/> by that feature: the pipeline page asks each for what the reader may see.
/// </summary>
public interface IPipelineSource
{
    Task<PipelineDeals> ReadAsync(ClaimsPrincipal who, DateOnly since, CancellationToken ct);
}
