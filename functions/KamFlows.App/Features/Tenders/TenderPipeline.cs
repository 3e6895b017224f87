using System.Security.Claims;
using KamFlows.App.Features.Pipeline;
using KamFlows.Domain.Pipeline;
using KamFlows.Domain.Tenders;

namespace KamFlows.App.Features.Tenders;

/// <summary>
/// Tenders in the pipeline: a tender still being decided or prepared, or waiting for its result, is
/// an open deal at its estimated value, expected to close on the tender date, at its step (the
/// current milestone while in preparation). An ended one counts for win and loss on its tender
/// date with its first recorded reason; one we cancelled ourselves was never put to the buyer.
/// </summary>
public sealed class TenderPipeline(TenderReports reports) : IPipelineSource
{
    public async Task<PipelineDeals> ReadAsync(ClaimsPrincipal who, DateOnly since, CancellationToken ct)
    {
        var open = new List<OpenDeal>();
        var ended = new List<EndedDeal>();
        foreach (var t in await reports.VisibleAsync(who, ct))
        {
            var title = $"{t.Buyer} · {t.Reference}";
            if (t.Status is TenderPhase.New or TenderPhase.BidDecision or TenderPhase.Preparing or TenderPhase.AwaitingOutcome)
            {
                open.Add(new OpenDeal(OpportunityKind.Tender, t.Id, t.AccountId, title, t.Step, t.EstimatedValue, t.Currency, t.TenderDate));
            }
            else if (ResultOf(t.Status) is { } result && t.TenderDate >= since)
            {
                ended.Add(new EndedDeal(OpportunityKind.Tender, t.Id, result, result == DealResult.Lost ? (t.Reasons.Count > 0 ? t.Reasons[0] : "Other") : null, t.EstimatedValue, t.Currency, t.TenderDate));
            }
        }

        return new PipelineDeals(open, ended);
    }

    private static DealResult? ResultOf(TenderPhase phase) => phase switch
    {
        TenderPhase.Won => DealResult.Won,
        TenderPhase.Lost => DealResult.Lost,
        TenderPhase.NoBid => DealResult.NoBid,
        TenderPhase.CancelledByBuyer => DealResult.Cancelled,
        _ => null,
    };
}
