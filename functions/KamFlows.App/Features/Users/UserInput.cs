using System.ComponentModel.DataAnnotations;
using KamFlows.App.Http;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Users;

/// <summary>What an administrator sends to create or change a user. Every field is checked, and every wrong one is named.</summary>
public sealed record UserInput(
    [property: Required, EmailAddress, StringLength(254)] string? Email,
    [property: Required, StringLength(200, MinimumLength = 1)] string? DisplayName,
    [property: Required, MinLength(1)] Role[]? Roles,
    [property: Required, SupportedCountry] string? Country,
    string? Region,
    [property: Required, IanaTimeZone] string? TimeZone,
    [property: Required, AllowedValues(Languages.PortugueseBrazil, Languages.PortuguesePortugal, Languages.English, ErrorMessage = "Language must be pt-BR, pt-PT or en.")] string? Language,
    string? BusinessUnit,
    [property: Range(0, 100)] decimal? DiscountLimitPercent) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in PlaceRules.CheckRegion(Country, Region))
        {
            yield return problem;
        }

        if (Roles is not null && Roles.Distinct().Count() != Roles.Length)
        {
            yield return new ValidationResult("Roles lists a role twice.", [nameof(Roles)]);
        }
    }

    public User ToUser(string id, bool active) => new(
        id,
        Email!.Trim(),
        DisplayName!.Trim(),
        Roles!.Distinct().Order().ToList(),
        Country!,
        string.IsNullOrWhiteSpace(Region) ? null : Region,
        TimeZone!,
        Language!,
        string.IsNullOrWhiteSpace(BusinessUnit) ? null : BusinessUnit,
        DiscountLimitPercent ?? 0m,
        active);
}
