namespace KamFlows.Domain.Tests.Calendar;

/// <summary>The national holidays as the law lists them, written out independently of the production rules.</summary>
internal static class OfficialHolidays
{
    /// <summary>Código do Trabalho art. 234; Corpo de Deus, 5 Oct, 1 Nov and 1 Dec suspended 2013–2015.</summary>
    public static ISet<DateOnly> Portugal(int year)
    {
        var easter = GaussEaster.Sunday(year);
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1), easter.AddDays(-2), easter, new(year, 4, 25), new(year, 5, 1),
            new(year, 6, 10), new(year, 8, 15), new(year, 12, 8), new(year, 12, 25),
        };
        if (year is < 2013 or > 2015)
        {
            days.UnionWith([easter.AddDays(60), new(year, 10, 5), new(year, 11, 1), new(year, 12, 1)]);
        }

        return days;
    }

    /// <summary>Lei 662/1949, 6.802/1980, 10.607/2002, 14.759/2023 (20 November from 2024).</summary>
    public static ISet<DateOnly> Brazil(int year)
    {
        var easter = GaussEaster.Sunday(year);
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1), easter.AddDays(-2), new(year, 4, 21), new(year, 5, 1), new(year, 9, 7),
            new(year, 10, 12), new(year, 11, 2), new(year, 11, 15), new(year, 12, 25),
        };
        if (year >= 2024)
        {
            days.Add(new(year, 11, 20));
        }

        return days;
    }

    public static TheoryData<int> Years2025To2035 => [.. Enumerable.Range(2025, 11)];
}
