using System.ComponentModel.DataAnnotations;
using KamFlows.Domain.Calendar;

namespace KamFlows.App.Http;

/// <summary>
/// Country, region and time zone of a person or an account, as the business calendar needs them:
/// a supported country, an ISO 3166-2 region of that country, an IANA time zone.
/// </summary>
public static class PlaceRules
{
    public static IReadOnlyList<string> SupportedCountries => HolidayRules.SupportedCountries;

    /// <summary>The region must belong to the country (checked once each field on its own is right).</summary>
    public static IEnumerable<ValidationResult> CheckRegion(string? country, string? region)
    {
        // The canonical code only (BR-SP, not sp): a region is a key of the business calendar.
        if (!string.IsNullOrWhiteSpace(region) && (country is null || HolidayRules.NormaliseRegion(country, region) != region))
        {
            yield return new ValidationResult(
                "Region must be an ISO 3166-2 code of the country, e.g. BR-SP or PT-30.", ["Region"]);
        }
    }

    public static bool IsIanaTimeZone(string id) =>
        (id.Contains('/', StringComparison.Ordinal) || id == "UTC")
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;
}

/// <summary>A country KamFlows has a business calendar for.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SupportedCountryAttribute : ValidationAttribute
{
    public SupportedCountryAttribute()
        : base($"Country must be one of {string.Join(", ", PlaceRules.SupportedCountries)} (ISO 3166-1, upper case).")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string s && PlaceRules.SupportedCountries.Contains(s, StringComparer.Ordinal));
}

/// <summary>An IANA time zone id, such as America/Sao_Paulo.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IanaTimeZoneAttribute : ValidationAttribute
{
    public IanaTimeZoneAttribute()
        : base("TimeZone must be an IANA time zone, e.g. America/Sao_Paulo or Europe/Lisbon.")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string s && PlaceRules.IsIanaTimeZone(s));
}
