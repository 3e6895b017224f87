using KamFlows.Domain.Pipeline;
using static KamFlows.Domain.Pipeline.DealResult;
using static KamFlows.Domain.Pipeline.OpportunityKind;

namespace KamFlows.Domain.Tests.Pipeline;

public sealed class WinLossTests
{
    private static ClosedDeal Deal(DealResult result, decimal value, string? reason = null) =>
        new(Proposal, Guid.NewGuid().ToString("N"), result, reason, value, new DateOnly(2026, 5, 1));

    [Fact]
    public void The_win_rate_counts_only_what_the_customer_decided()
    {
        var winLoss = WinLoss.Of([Deal(Won, 100m), Deal(Lost, 50m, "Price"), Deal(Withdrawn, 10m), Deal(NoBid, 5m), Deal(Cancelled, 5m)]);

        Assert.Equal((1, 100m, 1, 50m, 3), (winLoss.Won, winLoss.WonValue, winLoss.Lost, winLoss.LostValue, winLoss.Other));
        Assert.Equal(0.5m, winLoss.WinRate);
    }

    [Fact]
    public void Losses_are_grouped_by_reason_most_frequent_first()
    {
        var winLoss = WinLoss.Of([Deal(Lost, 10m, "Quality"), Deal(Lost, 50m, "Price"), Deal(Lost, 70m, "Price"), Deal(Lost, 90m, "Competitor")]);

        Assert.Equal(["Price", "Competitor", "Quality"], winLoss.LostByReason.Select(r => r.Reason));
        Assert.Equal((2, 120m), (winLoss.LostByReason[0].Deals, winLoss.LostByReason[0].Value));
    }

    [Fact]
    public void Without_decided_deals_there_is_no_win_rate() =>
        Assert.Null(WinLoss.Of([Deal(Withdrawn, 1m)]).WinRate);
}
