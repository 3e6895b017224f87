using System.Globalization;
using System.Text;

namespace KamFlows.Domain.Calendar;

/// <summary>
/// Identifies a legal calendar: a country (ISO 3166-1 alpha-2, <c>BR</c> or <c>PT</c>), optionally
/// a region (ISO 3166-2, e.g. <c>BR-SP</c>, <c>PT-30</c>) and a municipality (its name).
/// </summary>
/// <remarks>
/// A user's key comes from the user's country/region/municipality, a customer's from the key
/// account's; <see cref="CalendarOwner"/> says which one a process step uses. Use
/// <see cref="HolidayRules.TryNormalise"/> (or <see cref="BusinessCalendar.For"/>) to validate it.
/// </remarks>
public sealed record CalendarKey(string Country, string? Region = null, string? Municipality = null)
{
    /// <summary>True when a rule scoped to the given country, region and municipality (each null
    /// meaning "any") reaches this calendar.</summary>
    internal bool IsWithin(string? country, string? region, string? municipality) =>
        (country is null || string.Equals(country.Trim(), Country, StringComparison.OrdinalIgnoreCase))
        && (region is null || (Region is not null && string.Equals(HolidayRules.NormaliseRegion(Country, region), Region, StringComparison.Ordinal)))
        && (municipality is null || (Municipality is not null && SameMunicipality(municipality, Municipality)));

    // "Sao Paulo" and "São Paulo" are the same city: accents and case are often lost on the way in.
    private static bool SameMunicipality(string a, string b) =>
        string.Equals(WithoutAccents(a), WithoutAccents(b), StringComparison.OrdinalIgnoreCase);

    private static string WithoutAccents(string name) =>
        string.Concat(name.Trim().Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));
}
