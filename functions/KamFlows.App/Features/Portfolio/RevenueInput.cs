using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using KamFlows.App.Features.Accounts;

namespace KamFlows.App.Features.Portfolio;

/// <summary>A batch of revenue rows, as the ERP import will write them (an object, so it can grow).</summary>
public sealed record RevenueBatchInput([property: Required, MinLength(1), MaxLength(2000)] RevenueRowInput[]? Rows) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Each row is checked here, by its index and JSON name: the endpoint validation checks the body's own fields only.
        var rows = Rows ?? [];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null)
            {
                yield return new ValidationResult("A row is empty.", [$"rows[{i}]"]);
                continue;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(rows[i], new ValidationContext(rows[i]), results, validateAllProperties: true);
            if (rows[i].AccountId is { } id && !AccountStore.IsKey(id))
            {
                results.Add(new ValidationResult("An account id is 1 to 64 letters or digits.", [nameof(RevenueRowInput.AccountId)]));
            }

            foreach (var result in results)
            {
                yield return new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(m => $"rows[{i}].{JsonNamingPolicy.CamelCase.ConvertName(m)}")]);
            }
        }

        var keys = rows.Where(r => r is not null).Select(r => (r.AccountId, r.BusinessUnit, r.Quarter)).ToList();
        if (keys.Distinct().Count() != keys.Count)
        {
            yield return new ValidationResult("The batch lists an account, business unit and quarter twice.", ["rows"]);
        }
    }

    public IReadOnlyList<RevenueRow> ToRows() => [.. Rows!.Select(r => new RevenueRow(r.AccountId!, r.BusinessUnit!, r.Quarter!, r.NetValue!.Value, r.Currency!))];
}

/// <summary>Net revenue of a customer in a business unit and quarter (negative for net credit notes).</summary>
public sealed record RevenueRowInput(
    [property: Required, StringLength(64)] string? AccountId,
    [property: Required, StringLength(32)] string? BusinessUnit,
    [property: Required, RegularExpression("^(19|20)[0-9]{2}-Q[1-4]$", ErrorMessage = "Quarter is a calendar quarter, e.g. 2026-Q1.")] string? Quarter,
    [property: Required, Range(typeof(decimal), "-1000000000000000", "1000000000000000")] decimal? NetValue,
    [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency is an ISO 4217 code, e.g. BRL or EUR.")] string? Currency);
