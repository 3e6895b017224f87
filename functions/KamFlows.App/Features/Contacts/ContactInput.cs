using System.ComponentModel.DataAnnotations;
using KamFlows.App.Http;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Contacts;

/// <summary>What the account team sends to add or change a contact.</summary>
public sealed record ContactInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string? Name,
    [property: StringLength(200)] string? JobTitle,
    [property: EmailAddress, StringLength(254)] string? Email,
    [property: RegularExpression(@"^\+?[0-9][0-9 ()-]{5,24}$", ErrorMessage = "Phone is digits, spaces, brackets and hyphens, with an optional leading +, e.g. +55 11 3000-0000.")] string? Phone,
    [property: RegularExpression("^[a-z]{2,3}(-[A-Z]{2})?$", ErrorMessage = "Language is a language tag such as pt-BR, pt-PT, en or es.")] string? Language,
    [property: IanaTimeZone] string? TimeZone,
    [property: Required] DecisionRole? Role,
    [property: Required, Range(1, 5)] int? Influence,
    [property: Required] Attitude? Attitude,
    DateOnly? LastInteractionOn,
    bool? Active)
{
    public Contact ToContact(string id, string accountId) => new(
        id,
        accountId,
        Name!.Trim(),
        Blank(JobTitle),
        Blank(Email),
        Blank(Phone),
        Blank(Language),
        Blank(TimeZone),
        Role,
        Influence,
        Attitude,
        LastInteractionOn,
        Active ?? true,
        Erased: false);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
