using System.ComponentModel.DataAnnotations;
using KamFlows.App.Http;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Accounts;

/// <summary>
/// What a KAM, head of KAM or administrator sends to create or change an account. The approving
/// directors may be left out: they then default to the business unit's. The class is not here: it
/// is computed, never entered.
/// </summary>
public sealed record AccountInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string? Name,
    [property: Required, StringLength(40)] string? TaxId,
    [property: Required, SupportedCountry] string? Country,
    string? Region,
    [property: Required, IanaTimeZone] string? TimeZone,
    [property: Required, StringLength(32)] string? BusinessUnit,
    [property: StringLength(100)] string? Segment,
    [property: Required, StringLength(64)] string? OwnerUserId,
    [property: MaxLength(10)] string[]? CoKamUserIds,
    [property: StringLength(64)] string? DirectorUserId,
    [property: StringLength(64)] string? AlternateDirectorUserId,
    [property: Required] RelationshipStage? Stage,
    [property: MaxLength(200)] RevenueInput[]? Revenue) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in PlaceRules.CheckRegion(Country, Region))
        {
            yield return problem;
        }

        if (TaxId is not null && Country is not null && !Domain.Accounts.TaxId.TryParse(Country, TaxId, out _, out var error))
        {
            yield return new ValidationResult(error, [nameof(TaxId)]);
        }

        var coKams = CoKamUserIds ?? [];
        if (coKams.Any(string.IsNullOrWhiteSpace) || coKams.Distinct().Count() != coKams.Length || coKams.Contains(OwnerUserId))
        {
            yield return new ValidationResult("CoKamUserIds must be distinct user ids, other than the owner.", [nameof(CoKamUserIds)]);
        }

        if (!string.IsNullOrWhiteSpace(AlternateDirectorUserId) && AlternateDirectorUserId == DirectorUserId)
        {
            yield return new ValidationResult("The alternate director must be another person than the director.", [nameof(AlternateDirectorUserId)]);
        }

        // Each entry is checked here, by its index: the endpoint validation does not descend into array elements.
        var revenue = Revenue ?? [];
        for (var i = 0; i < revenue.Length; i++)
        {
            if (revenue[i] is null)
            {
                yield return new ValidationResult("A revenue entry is empty.", [$"{nameof(Revenue)}[{i}]"]);
                continue;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(revenue[i], new ValidationContext(revenue[i]), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(m => $"{nameof(Revenue)}[{i}].{m}")]);
            }
        }

        var periods = (Revenue ?? []).Where(r => r is not null).Select(r => (r.Period, r.Currency)).ToList();
        if (periods.Distinct().Count() != periods.Count)
        {
            yield return new ValidationResult("Revenue lists a period twice in the same currency.", [nameof(Revenue)]);
        }
    }

    /// <summary>The account this input describes, once the people and the business unit are checked.</summary>
    public Account ToAccount(string id, string directorUserId, string? alternateDirectorUserId, Account? current, DateTimeOffset now)
    {
        Domain.Accounts.TaxId.TryParse(Country, TaxId, out var taxId, out _);
        return new Account(
            id,
            Name!.Trim(),
            taxId!.Value,
            taxId.Scheme,
            Country!,
            string.IsNullOrWhiteSpace(Region) ? null : Region,
            TimeZone!,
            BusinessUnit!,
            string.IsNullOrWhiteSpace(Segment) ? null : Segment.Trim(),
            OwnerUserId!,
            [.. CoKamUserIds ?? []],
            directorUserId,
            alternateDirectorUserId,
            Stage!.Value,
            [.. (Revenue ?? []).Select(r => new RevenueEntry(r.Period!, r.Amount!.Value, r.Currency!)).OrderBy(r => r.Period, StringComparer.Ordinal)],
            current?.Status ?? AccountStatus.Active,
            current?.Class,
            current?.CreatedAt ?? now,
            current?.ArchivedAt);
    }
}

/// <summary>Revenue of one quarter as entered.</summary>
public sealed record RevenueInput(
    [property: Required, RegularExpression("^(19|20)[0-9]{2}-Q[1-4]$", ErrorMessage = "Period is a calendar quarter, e.g. 2026-Q1.")] string? Period,
    [property: Required, Range(typeof(decimal), "0", "1000000000000000")] decimal? Amount,
    [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency is an ISO 4217 code, e.g. BRL or EUR.")] string? Currency);
