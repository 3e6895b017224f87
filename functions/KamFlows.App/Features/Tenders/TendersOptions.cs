using KamFlows.Domain.Tenders;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Tenders;

/// <summary>
/// The tender schedule's settings (section <c>Tenders</c>): each milestone's offset before the tender
/// date, and the business days of reminders, escalation, late starts and revisions. Copied into each
/// tender when it is registered: a change here never moves a running tender.
/// </summary>
public sealed class TendersOptions
{
    public const string Section = "Tenders";

    public TenderOffsetOption Needs { get; set; } = new() { Months = 9 };

    public TenderOffsetOption BuyingGroup { get; set; } = new() { Months = 6 };

    public TenderOffsetOption BidDraft { get; set; } = new() { Months = 3 };

    public TenderOffsetOption SignOff { get; set; } = new() { Months = 1 };

    public TenderOffsetOption FinalDocuments { get; set; } = new() { Days = 7 };

    public TenderOffsetOption Submission { get; set; } = new();

    public int ReminderBusinessDaysBefore { get; set; } = 3;

    public int EscalationBusinessDaysAfter { get; set; } = 5;

    public int LateStartBusinessDays { get; set; } = 2;

    public int ReviseBusinessDays { get; set; } = 2;

    /// <summary>How recent an interaction with the decision maker and an influencer must be (days).</summary>
    public int CoverageInteractionDays { get; set; } = 90;

    /// <summary>How long a won contract is escorted (days).</summary>
    public int EscortDays { get; set; } = 90;

    public TenderTimings ToTimings() => new(
        Needs.ToOffset(), BuyingGroup.ToOffset(), BidDraft.ToOffset(), SignOff.ToOffset(), FinalDocuments.ToOffset(), Submission.ToOffset(),
        ReminderBusinessDaysBefore, EscalationBusinessDaysAfter, LateStartBusinessDays, ReviseBusinessDays, CoverageInteractionDays, EscortDays);
}

public sealed class TenderOffsetOption
{
    public int Months { get; set; }

    public int Days { get; set; }

    public TenderOffset ToOffset() => new(Months, Days);
}

/// <summary>The settings are checked at start by the domain's own rule (<see cref="TenderTimings.Problems"/>).</summary>
internal sealed class TendersOptionsValidator : IValidateOptions<TendersOptions>
{
    public ValidateOptionsResult Validate(string? name, TendersOptions options) =>
        options.ToTimings().Problems() is { Count: > 0 } problems
            ? ValidateOptionsResult.Fail(problems.Select(p => $"{TendersOptions.Section}: {p}"))
            : ValidateOptionsResult.Success;
}
