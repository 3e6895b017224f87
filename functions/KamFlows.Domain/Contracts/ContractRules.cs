using KamFlows.Domain.Approvals;

namespace KamFlows.Domain.Contracts;

/// <summary>
/// What makes contract terms acceptable, in one place for the API and the renewal process: an end
/// after the start, a positive value in an ISO 4217 currency, a notice period that leaves its
/// deadline inside the contract; and for renewed terms, a start after the current contract's start
/// that leaves no gap after its end.
/// </summary>
public static class ContractRules
{
    public const int MaxNoticePeriodDays = 730;

    public static IReadOnlyList<FieldError> Validate(ContractTerms terms, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(terms);
        var errors = new List<FieldError>();
        if (terms.End <= terms.Start)
        {
            errors.Add(new(prefix + "end", "The contract ends after it starts."));
        }

        if (terms.Value <= 0)
        {
            errors.Add(new(prefix + "value", "The contract's value is more than zero."));
        }

        if (terms.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new(prefix + "currency", "The currency is an ISO 4217 code such as EUR or BRL."));
        }

        if (terms.NoticePeriodDays is < 0 or > MaxNoticePeriodDays)
        {
            errors.Add(new(prefix + "noticePeriodDays", $"The notice period is 0 to {MaxNoticePeriodDays} days."));
        }
        else if (terms.End > terms.Start && terms.NoticeDeadline < terms.Start)
        {
            errors.Add(new(prefix + "noticePeriodDays", "The notice deadline (end minus notice period) falls before the contract starts."));
        }

        return errors;
    }

    /// <summary>Renewed terms: valid on their own, starting after the current contract started and no later than the day after it ends.</summary>
    public static IReadOnlyList<FieldError> ValidateRenewal(ContractTerms current, ContractTerms renewed, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(renewed);
        var errors = Validate(renewed, prefix).ToList();
        if (renewed.Start <= current.Start || renewed.Start > current.End.AddDays(1))
        {
            errors.Add(new(prefix + "start", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"A renewal starts after {current.Start:yyyy-MM-dd} and no later than {current.End.AddDays(1):yyyy-MM-dd}, the day after the current contract ends.")));
        }

        return errors;
    }
}
