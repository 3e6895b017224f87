using KamFlows.Domain.Portfolio;

namespace KamFlows.Domain.Tests.Portfolio;

public sealed class HealthyBandTests
{
    [Theory]
    [InlineData(29, false, true)]
    [InlineData(30, true, false)]
    [InlineData(42, true, false)]
    [InlineData(55, true, false)]
    [InlineData(56, false, true)]
    public void Key_accounts_share_inside_the_band_ends_included(decimal keyRevenue, bool inside, bool flagged)
    {
        var check = HealthyBand.Check("all", [(keyRevenue, true), (100 - keyRevenue, false)], HealthyBandRange.Default);

        Assert.Equal(keyRevenue / 100, check.KeyShare);
        Assert.Equal(flagged, check.Outside);
        Assert.Equal(inside, !check.Outside);
    }

    [Fact]
    public void A_scope_that_sold_nothing_has_no_share_and_is_not_flagged()
    {
        var check = HealthyBand.Check("PHARMA", [(0m, true), (-5m, false)], HealthyBandRange.Default);

        Assert.Null(check.KeyShare);
        Assert.False(check.Outside);
    }
}
