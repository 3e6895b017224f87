using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Features.Tenders;

/// <summary>
/// A tender as the KAM registered it: the buyer, the reference (e.g. a public-procurement notice
/// number), the estimated value, the lots or products and the dossier documents that belong to it.
/// Where its preparation stands (the date as it is now, the schedule, the outcome) is the
/// TenderPreparation process's state.
/// </summary>
public sealed record Tender(
    string Id,
    string AccountId,
    string BusinessUnit,
    string Buyer,
    string Reference,
    DateOnly ExpectedTenderDate,
    decimal EstimatedValue,
    string Currency,
    IReadOnlyList<string> Lots,
    IReadOnlyList<string> DocumentIds,
    string RegisteredByUserId,
    string ProcessId,
    DateTimeOffset RegisteredAt);

/// <summary>What a KAM sends to register a tender (with an <c>Idempotency-Key</c> header).</summary>
public sealed record TenderInput(
    [property: Required, StringLength(64, MinimumLength = 1)] string? AccountId,
    [property: Required, StringLength(200, MinimumLength = 1)] string? Buyer,
    [property: Required, StringLength(100, MinimumLength = 1)] string? Reference,
    [property: Required] DateOnly? ExpectedTenderDate,
    [property: Required, Range(typeof(decimal), "0.01", "1000000000000")] decimal? EstimatedValue,
    [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "An ISO 4217 code in capitals, e.g. BRL.")] string? Currency,
    [property: Required, MinLength(1), MaxLength(50)] string[]? Lots,
    [property: MaxLength(20)] string[]? DocumentIds,
    [property: Required] BidCriteriaInput? BidCriteria);

/// <summary>The bid/no-bid criteria as the KAM records them: 1 to 5 scales, the margin in percent, the competitors.</summary>
public sealed record BidCriteriaInput(
    [property: Required, Range(1, 5)] int? StrategicFit,
    [property: Required, Range(typeof(decimal), "-100", "100")] decimal? EstimatedMarginPercent,
    [property: Required, Range(1, 5)] int? BuyingGroupCoverage,
    [property: Required, StringLength(500, MinimumLength = 1)] string? Competitors,
    [property: Required, Range(1, 5)] int? Capacity);

/// <summary>A new tender date: moved (PUT .../date) or postponed by the buyer (POST .../postpone, later only).</summary>
public sealed record TenderDateInput([property: Required] DateOnly? TenderDate);

public sealed record TenderCancelInput([property: Required, StringLength(500, MinimumLength = 1)] string? Reason);

/// <summary>One item of a milestone's checklist ticked by hand: <c>{"milestone": "needs", "item": "customer-needs"}</c>.</summary>
public sealed record TenderChecklistInput(
    [property: Required, StringLength(40, MinimumLength = 1)] string? Milestone,
    [property: Required, StringLength(60, MinimumLength = 1)] string? Item);

/// <summary>The result: Won, Lost (with reasons) or CancelledByBuyer.</summary>
public sealed record TenderOutcomeInput(
    [property: Required] Domain.Tenders.TenderResult? Result,
    [property: MaxLength(10)] string[]? Reasons,
    [property: StringLength(2000)] string? Comment);
