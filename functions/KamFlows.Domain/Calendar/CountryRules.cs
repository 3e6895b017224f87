namespace KamFlows.Domain.Calendar;

/// <summary>What the law of one country says: its regions (ISO 3166-2), its national and regional
/// holidays, and the optional days a company there may choose to close.</summary>
public sealed record CountryRules(
    string Country,
    IReadOnlyList<string> Regions,
    IReadOnlyList<HolidayDefinition> Holidays,
    IReadOnlyList<OptionalDayDefinition> OptionalDays);
