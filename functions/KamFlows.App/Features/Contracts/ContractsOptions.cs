using KamFlows.Domain.Contracts;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Contracts;

/// <summary>
/// When renewals are worked on (section <c>Contracts</c>): how many days before the notice deadline a
/// renewal opens, how many business days before it the terms are due, how often the KAM is reminded.
/// A contract's renewal keeps the timings it was armed with.
/// </summary>
public sealed class ContractsOptions
{
    public const string Section = "Contracts";

    public int RenewalLeadDays { get; set; } = RenewalTimings.DefaultLeadDays;

    public int TermsDueBusinessDays { get; set; } = RenewalTimings.DefaultTermsDue;

    public int ReminderEveryBusinessDays { get; set; } = RenewalTimings.DefaultReminderEvery;

    public RenewalTimings Timings => new(RenewalLeadDays, TermsDueBusinessDays, ReminderEveryBusinessDays);
}

internal sealed class ContractsOptionsValidator : IValidateOptions<ContractsOptions>
{
    public ValidateOptionsResult Validate(string? name, ContractsOptions options)
    {
        var failures = new List<string>();
        if (options.RenewalLeadDays is < 1 or > 730)
        {
            failures.Add($"{ContractsOptions.Section}:RenewalLeadDays is 1 to 730 days.");
        }

        if (options.TermsDueBusinessDays is < 0 or > 250)
        {
            failures.Add($"{ContractsOptions.Section}:TermsDueBusinessDays is 0 to 250 business days.");
        }

        if (options.ReminderEveryBusinessDays is < 1 or > 60)
        {
            failures.Add($"{ContractsOptions.Section}:ReminderEveryBusinessDays is 1 to 60 business days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
