namespace KamFlows.Domain.Tests.Calendar;

/// <summary>
/// Easter by Gauss's algorithm with its two exceptions: deliberately not the algorithm the
/// production code uses, so the two check each other.
/// </summary>
internal static class GaussEaster
{
    public static DateOnly Sunday(int year)
    {
        var a = year % 19;
        var b = year % 4;
        var c = year % 7;
        var k = year / 100;
        var p = ((8 * k) + 13) / 25;
        var q = k / 4;
        var m = (15 - p + k - q) % 30;
        var n = (4 + k - q) % 7;
        var d = ((19 * a) + m) % 30;
        var e = ((2 * b) + (4 * c) + (6 * d) + n) % 7;

        if (d == 29 && e == 6)
        {
            return new DateOnly(year, 4, 19);
        }

        if (d == 28 && e == 6 && ((11 * m) + 11) % 30 < 19)
        {
            return new DateOnly(year, 4, 18);
        }

        return new DateOnly(year, 3, 22).AddDays(d + e);
    }
}
