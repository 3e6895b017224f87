using System.Diagnostics.CodeAnalysis;

namespace KamFlows.Domain.Calendar;

/// <summary>The built-in legal calendars, and the validation of calendar keys against them.</summary>
public static class HolidayRules
{
    private static readonly IReadOnlyDictionary<string, CountryRules> ByCountry =
        new[] { BrazilHolidays.Rules, PortugalHolidays.Rules }.ToDictionary(rules => rules.Country, StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO 3166-1 alpha-2 codes of the countries with a calendar: BR, PT.</summary>
    public static IReadOnlyList<string> SupportedCountries { get; } = [.. ByCountry.Keys.Order(StringComparer.Ordinal)];

    public static bool IsSupported([NotNullWhen(true)] string? country) =>
        country is not null && ByCountry.ContainsKey(country.Trim());

    /// <summary>The rules of a supported country.</summary>
    /// <exception cref="UnsupportedCalendarException">The country is not supported.</exception>
    public static CountryRules Of(string country) =>
        IsSupported(country) ? ByCountry[country.Trim()] : throw new UnsupportedCalendarException(UnsupportedCountry(country));

    /// <summary>
    /// The ISO 3166-2 code of <paramref name="region"/> in <paramref name="country"/>, accepting
    /// any case and the short form (<c>SP</c> for <c>BR-SP</c>); null when the country has no such region.
    /// </summary>
    public static string? NormaliseRegion(string country, string region)
    {
        if (!IsSupported(country))
        {
            return null;
        }

        var rules = ByCountry[country.Trim()];
        var code = region.Trim().ToUpperInvariant();
        if (!code.Contains('-', StringComparison.Ordinal))
        {
            code = $"{rules.Country}-{code}";
        }

        return rules.Regions.Contains(code, StringComparer.Ordinal) ? code : null;
    }

    /// <summary>
    /// Validates a key: a supported country, and a region that exists in it (a typo must not
    /// silently drop a state holiday). Returns the key in canonical form: upper-case country,
    /// full region code, trimmed municipality, blanks as null.
    /// </summary>
    public static bool TryNormalise(
        CalendarKey key,
        [NotNullWhen(true)] out CalendarKey? normalised,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(key);
        normalised = null;
        if (!IsSupported(key.Country))
        {
            problem = UnsupportedCountry(key.Country);
            return false;
        }

        var rules = ByCountry[key.Country.Trim()];
        string? region = null;
        if (!string.IsNullOrWhiteSpace(key.Region))
        {
            region = NormaliseRegion(rules.Country, key.Region);
            if (region is null)
            {
                problem = $"Unknown region '{key.Region}' for {rules.Country}; known: {string.Join(", ", rules.Regions)}.";
                return false;
            }
        }

        var municipality = string.IsNullOrWhiteSpace(key.Municipality) ? null : key.Municipality.Trim();
        normalised = new CalendarKey(rules.Country, region, municipality);
        problem = null;
        return true;
    }

    private static string UnsupportedCountry(string? country) =>
        $"Unsupported country '{country}'; supported: {string.Join(", ", SupportedCountries)}.";
}
