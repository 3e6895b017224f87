namespace KamFlows.Domain.Calendar;

/// <summary>
/// Days the company closes, e.g. collective holidays between Christmas and New Year, from
/// <see cref="From"/> to <see cref="To"/> inclusive. Unscoped (no country) it applies everywhere;
/// a country, region or municipality narrows it as for holidays.
/// </summary>
public sealed record CompanyClosure
{
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public string NamePt { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? Country { get; init; }
    public string? Region { get; init; }
    public string? Municipality { get; init; }

    public IEnumerable<string> Problems()
    {
        var what = $"Closure '{NamePt}' {From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
        if (From > To)
        {
            yield return $"{what} ends before it starts.";
        }

        if (string.IsNullOrWhiteSpace(NamePt) || string.IsNullOrWhiteSpace(NameEn))
        {
            yield return $"{what} needs both NamePt and NameEn.";
        }

        if (Country is null)
        {
            if (Region is not null || Municipality is not null)
            {
                yield return $"{what} names a region or municipality without a country.";
            }
        }
        else if (!HolidayRules.IsSupported(Country))
        {
            yield return $"{what} has unsupported country '{Country}'.";
        }
        else if (Region is not null && HolidayRules.NormaliseRegion(Country, Region) is null)
        {
            yield return $"{what} has unknown region '{Region}' for {Country}.";
        }
    }

    internal bool AppliesTo(CalendarKey key) => key.IsWithin(Country, Region, Municipality);
}
