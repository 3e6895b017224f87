using System.ComponentModel.DataAnnotations;
using KamFlows.Domain.Contracts;

namespace KamFlows.App.Features.Contracts;

public enum ContractStatus
{
    /// <summary>In force, or still to come; its renewal is armed.</summary>
    Active,

    /// <summary>Signed off for renewal: <see cref="Contract.RenewedByContractId"/> follows it.</summary>
    Renewed,

    /// <summary>Deleted (entered by mistake, or ended early): its renewal was cancelled.</summary>
    Deleted,
}

/// <summary>
/// A contract with a key account: the customer's reference for it, its terms, the dossier documents
/// that make it up (signed copy, annexes), and its renewal process. A renewed contract names the one it
/// renews, and is renewed in turn.
/// </summary>
public sealed record Contract(
    string Id,
    string AccountId,
    string Reference,
    ContractTerms Terms,
    IReadOnlyList<string> DocumentIds,
    ContractStatus Status,
    string? RenewsContractId,
    string? RenewedByContractId,
    string RenewalProcessId,
    string CreatedByUserId,
    DateTimeOffset CreatedAt);

/// <summary>A contract with where its renewal stands (the process's step and, once over, its outcome).</summary>
public sealed record ContractView(Contract Contract, DateOnly NoticeDeadline, string? RenewalStep, string? RenewalOutcome);

/// <summary>
/// What the account team sends to store a contract. The reference is the contract's number with the
/// customer: sending the same reference again is the same contract (a retry answers what was stored).
/// </summary>
public sealed record ContractInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string? Reference,
    [property: Required] DateOnly? Start,
    [property: Required] DateOnly? End,
    [property: Required, Range(typeof(decimal), "0.01", "1000000000000")] decimal? Value,
    [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency is an ISO 4217 code such as EUR or BRL.")] string? Currency,
    [property: Required, Range(0, ContractRules.MaxNoticePeriodDays)] int? NoticePeriodDays,
    [property: MaxLength(20)] string[]? DocumentIds)
{
    public ContractTerms ToTerms() => new(Start!.Value, End!.Value, Value!.Value, Currency!, NoticePeriodDays!.Value);
}

/// <summary>The KAM's renewed terms for the director's sign-off, with a word for the director.</summary>
public sealed record RenewalTermsInput(
    [property: Required] DateOnly? Start,
    [property: Required] DateOnly? End,
    [property: Required, Range(typeof(decimal), "0.01", "1000000000000")] decimal? Value,
    [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency is an ISO 4217 code such as EUR or BRL.")] string? Currency,
    [property: Required, Range(0, ContractRules.MaxNoticePeriodDays)] int? NoticePeriodDays,
    [property: StringLength(2000)] string? Comment)
{
    public ContractTerms ToTerms() => new(Start!.Value, End!.Value, Value!.Value, Currency!, NoticePeriodDays!.Value);
}

/// <summary>Why the contract is not renewed.</summary>
public sealed record RenewalEndInput([property: Required, StringLength(2000, MinimumLength = 1)] string? Reason);
