using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Features.BusinessUnits;

/// <summary>
/// A business unit: its head of KAM is where stalled work escalates to, and its director (with an
/// alternate) is the default approver of its accounts' plans and bids.
/// </summary>
public sealed record BusinessUnit(
    string Code,
    string Name,
    string Country,
    string HeadOfKamUserId,
    string DirectorUserId,
    string? AlternateDirectorUserId)
{
    public IEnumerable<string> PeopleIds()
    {
        yield return HeadOfKamUserId;
        yield return DirectorUserId;
        if (AlternateDirectorUserId is not null)
        {
            yield return AlternateDirectorUserId;
        }
    }
}

/// <summary>What an administrator sends to create or change a business unit.</summary>
public sealed record BusinessUnitInput(
    [property: Required, RegularExpression("^[A-Z0-9][A-Z0-9-]{1,31}$", ErrorMessage = "Code is 2 to 32 upper-case letters, digits or hyphens, e.g. PHARMA-BR.")] string? Code,
    [property: Required, StringLength(200, MinimumLength = 1)] string? Name,
    [property: Required, Http.SupportedCountry] string? Country,
    [property: Required] string? HeadOfKamUserId,
    [property: Required] string? DirectorUserId,
    string? AlternateDirectorUserId) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AlternateDirectorUserId is not null && AlternateDirectorUserId == DirectorUserId)
        {
            yield return new ValidationResult("The alternate director must be another person than the director.", [nameof(AlternateDirectorUserId)]);
        }
    }

    public BusinessUnit ToBusinessUnit() => new(Code!, Name!.Trim(), Country!, HeadOfKamUserId!, DirectorUserId!,
        string.IsNullOrWhiteSpace(AlternateDirectorUserId) ? null : AlternateDirectorUserId);
}
