using System.Security.Claims;
using KamFlows.App.Features.Pipeline;
using KamFlows.Domain.Pipeline;

namespace KamFlows.App.Features.Proposals;

/// <summary>
/// Proposals in the pipeline: a running proposal is an open deal expected to close by its validity
/// date, at the stage its follow-up is in; an ended one counts for win and loss by its outcome (an
/// expired one too: the customer let it lapse). Refused and cancelled submissions were never deals.
/// </summary>
public sealed class ProposalPipeline(ProposalReading reading) : IPipelineSource
{
    public async Task<PipelineDeals> ReadAsync(ClaimsPrincipal who, DateOnly since, CancellationToken ct)
    {
        var open = new List<OpenDeal>();
        var ended = new List<EndedDeal>();
        foreach (var p in (await reading.AllAsync(who, null, ct)).Items)
        {
            if (p.Running)
            {
                open.Add(new OpenDeal(OpportunityKind.Proposal, p.Id, p.AccountId, p.Title, p.Status, p.Value, p.Currency, p.ValidUntil));
            }
            else if (ResultOf(p.Status) is { } result && p.FollowUp.EndedAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) >= since)
            {
                ended.Add(new EndedDeal(OpportunityKind.Proposal, p.Id, result, p.FollowUp.LossReason?.ToString(), p.Value, p.Currency, DateOnly.FromDateTime(at.UtcDateTime)));
            }
        }

        return new PipelineDeals(open, ended);
    }

    private static DealResult? ResultOf(string step) => step switch
    {
        "won" => DealResult.Won,
        "lost" => DealResult.Lost,
        "withdrawn" => DealResult.Withdrawn,
        "expired" => DealResult.Expired,
        _ => null,
    };
}
