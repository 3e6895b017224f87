namespace KamFlows.Domain.Calendar;

/// <summary>
/// A holiday rule: a fixed date (<see cref="Month"/> and <see cref="Day"/>) or a distance in days
/// from Easter Sunday (<see cref="EasterOffset"/>), valid from <see cref="FirstYear"/> to
/// <see cref="LastYear"/> (both inclusive, open when null). The same shape holds the built-in
/// national and regional rules and the extra ones a company configures.
/// </summary>
/// <remarks>
/// Init-only properties with defaults so that configuration binding can fill it; the scope follows
/// from what is set: a <see cref="Municipality"/> makes it municipal, else a <see cref="Region"/>
/// makes it regional. A municipal rule with a region applies only to calendar keys in that region,
/// because municipality names repeat across Brazilian states.
/// </remarks>
public sealed record HolidayDefinition
{
    public string Country { get; init; } = "";

    /// <summary>ISO 3166-2 subdivision code, e.g. <c>BR-SP</c> or <c>PT-30</c>.</summary>
    public string? Region { get; init; }

    /// <summary>Municipality name as used in calendar keys, compared ignoring case and accents.</summary>
    public string? Municipality { get; init; }

    public int? Month { get; init; }
    public int? Day { get; init; }

    /// <summary>Days after (or, negative, before) Easter Sunday.</summary>
    public int? EasterOffset { get; init; }

    /// <summary>The legal name, in Portuguese.</summary>
    public string NamePt { get; init; } = "";
    public string NameEn { get; init; } = "";

    public int? FirstYear { get; init; }
    public int? LastYear { get; init; }

    public HolidayScope Scope =>
        Municipality is not null ? HolidayScope.Municipal
        : Region is not null ? HolidayScope.Regional
        : HolidayScope.National;

    public static HolidayDefinition Fixed(string country, int month, int day, string namePt, string nameEn) =>
        new() { Country = country, Month = month, Day = day, NamePt = namePt, NameEn = nameEn };

    public static HolidayDefinition FromEaster(string country, int offset, string namePt, string nameEn) =>
        new() { Country = country, EasterOffset = offset, NamePt = namePt, NameEn = nameEn };

    /// <summary>The date in <paramref name="year"/>, or null when the rule is not in force that year
    /// (or names 29 February in a common year).</summary>
    public DateOnly? DateIn(int year)
    {
        if (year < FirstYear || year > LastYear)
        {
            return null;
        }

        if (EasterOffset is { } offset)
        {
            return Easter.Sunday(year).AddDays(offset);
        }

        if (Month is { } month && Day is { } day && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return null;
    }

    /// <summary>Why this rule cannot be used, or nothing when it is sound.</summary>
    public IEnumerable<string> Problems()
    {
        var what = string.IsNullOrWhiteSpace(NamePt) ? "A holiday" : $"Holiday '{NamePt}'";
        if (string.IsNullOrWhiteSpace(NamePt) || string.IsNullOrWhiteSpace(NameEn))
        {
            yield return $"{what} needs both NamePt and NameEn.";
        }

        var isFixed = Month is not null || Day is not null;
        if (isFixed == (EasterOffset is not null))
        {
            yield return $"{what} needs either Month and Day or EasterOffset, not both and not neither.";
        }
        else if (isFixed && !IsValidMonthDay(Month, Day))
        {
            yield return $"{what} has no valid Month and Day ({Month}/{Day}).";
        }

        if (FirstYear > LastYear)
        {
            yield return $"{what} has FirstYear {FirstYear} after LastYear {LastYear}.";
        }

        if (!HolidayRules.IsSupported(Country))
        {
            yield return $"{what} has unsupported country '{Country}'; supported: {string.Join(", ", HolidayRules.SupportedCountries)}.";
        }
        else if (Region is not null && HolidayRules.NormaliseRegion(Country, Region) is null)
        {
            yield return $"{what} has unknown region '{Region}' for {Country}.";
        }

        if (Municipality is not null && string.IsNullOrWhiteSpace(Municipality))
        {
            yield return $"{what} has an empty Municipality.";
        }
    }

    internal bool AppliesTo(CalendarKey key) => key.IsWithin(Country, Region, Municipality);

    private static bool IsValidMonthDay(int? month, int? day) =>
        month is >= 1 and <= 12 && day >= 1
        && day <= DateTime.DaysInMonth(2000, month.Value); // 2000 is a leap year, so 29 February is accepted
}
