using KamFlows.Domain.Calendar;
using static KamFlows.Domain.Tests.Calendar.Calendars;

namespace KamFlows.Domain.Tests.Calendar;

/// <summary>Brazil has had no daylight saving since 2019; its zones are UTC−2 (Noronha) to UTC−5 (Acre).</summary>
public sealed class BrazilianZoneTests
{
    private static readonly DateTimeOffset WednesdayEarlyUtc = Utc(2026, 6, 10, 2, 30);

    [Fact]
    public void The_same_instant_is_a_different_local_date_in_Noronha()
    {
        Assert.Equal(Date(2026, 6, 9), Of("BR", "BR-SP").In(SaoPaulo).DateOf(WednesdayEarlyUtc));
        Assert.Equal(Date(2026, 6, 9), Of("BR", "BR-AM").In(Manaus).DateOf(WednesdayEarlyUtc));
        Assert.Equal(Date(2026, 6, 10), Of("BR", "BR-PE").In(Noronha).DateOf(WednesdayEarlyUtc));
        Assert.Equal(Date(2026, 6, 9), Of("BR", "BR-AC").In(RioBranco).DateOf(WednesdayEarlyUtc));
    }

    [Fact]
    public void Next_business_day_at_nine_local_is_a_different_UTC_instant_in_each_zone()
    {
        var nine = new TimeOnly(9, 0);

        Assert.Equal(Utc(2026, 6, 10, 12), Of("BR", "BR-SP").In(SaoPaulo).NextBusinessDayAt(WednesdayEarlyUtc, nine));
        Assert.Equal(Utc(2026, 6, 10, 13), Of("BR", "BR-AM").In(Manaus).NextBusinessDayAt(WednesdayEarlyUtc, nine));
        Assert.Equal(Utc(2026, 6, 11, 11), Of("BR", "BR-PE").In(Noronha).NextBusinessDayAt(WednesdayEarlyUtc, nine));
        Assert.Equal(Utc(2026, 6, 10, 14), Of("BR", "BR-AC").In(RioBranco).NextBusinessDayAt(WednesdayEarlyUtc, nine));
    }

    [Fact]
    public void Results_carry_the_local_offset_of_the_zone()
    {
        var nine = new TimeOnly(9, 0);

        Assert.Equal(TimeSpan.FromHours(-3), Of("BR").In(SaoPaulo).NextBusinessDayAt(WednesdayEarlyUtc, nine).Offset);
        Assert.Equal(TimeSpan.FromHours(-4), Of("BR").In(Manaus).NextBusinessDayAt(WednesdayEarlyUtc, nine).Offset);
        Assert.Equal(TimeSpan.FromHours(-2), Of("BR").In(Noronha).NextBusinessDayAt(WednesdayEarlyUtc, nine).Offset);
        Assert.Equal(TimeSpan.FromHours(-5), Of("BR").In(RioBranco).NextBusinessDayAt(WednesdayEarlyUtc, nine).Offset);
    }
}
