using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Features.Contacts;

/// <summary>
/// What the account team knows of a contact as a person (birthday, hobbies, family, values): the
/// most sensitive thing KamFlows holds, so it is stored apart and only the team reads it, audited.
/// </summary>
public sealed record SoftPersonalData(DateOnly? Birthday, string? Hobbies, string? Family, string? Values);

public sealed record SoftPersonalDataInput(
    DateOnly? Birthday,
    [property: StringLength(2000)] string? Hobbies,
    [property: StringLength(2000)] string? Family,
    [property: StringLength(2000)] string? Values)
{
    public SoftPersonalData ToData() => new(Birthday, Blank(Hobbies), Blank(Family), Blank(Values));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
