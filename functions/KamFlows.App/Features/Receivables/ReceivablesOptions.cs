using KamFlows.Domain.Receivables;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Receivables;

/// <summary>
/// When an overdue document is followed up (section <c>Receivables</c>): the business days after the
/// due date on which the KAM gets a task (default 1, 7 and 15) and the one on which it goes to the
/// business unit's head of KAM (default 30). A follow-up keeps the timings it was opened with.
/// </summary>
public sealed class ReceivablesOptions
{
    public const string Section = "Receivables";

    /// <summary>Null keeps the default: configuration binding would add to a non-empty default list, not replace it.</summary>
    public int[]? KamTaskDays { get; set; }

    public int EscalationDay { get; set; } = FollowUpTimings.Default.EscalationDay;

    public FollowUpTimings Timings => new(KamTaskDays ?? FollowUpTimings.Default.KamTaskDays, EscalationDay);
}

internal sealed class ReceivablesOptionsValidator : IValidateOptions<ReceivablesOptions>
{
    public ValidateOptionsResult Validate(string? name, ReceivablesOptions options) =>
        options.Timings.Problem() is { } problem
            ? ValidateOptionsResult.Fail($"{ReceivablesOptions.Section}:KamTaskDays and {ReceivablesOptions.Section}:EscalationDay: {problem}")
            : ValidateOptionsResult.Success;
}
