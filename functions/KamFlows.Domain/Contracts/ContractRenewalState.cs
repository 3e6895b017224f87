using System.Text.Json.Serialization;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Contracts;

public enum RenewalPhase
{
    New,
    Scheduled,
    PreparingTerms,
    AwaitingSignOff,
    Renewed,
    NotRenewed,
    Cancelled,
}

/// <summary>
/// A contract's renewal as it stands: the contract and its terms, who works on it and who signs it
/// off, when it opens, the terms waiting for sign-off (if any) and the last refusal, and how it ended.
/// </summary>
public sealed record ContractRenewalState(
    RenewalPhase Phase,
    string? AccountId,
    string? ContractId,
    ContractTerms? Terms,
    string? KamUserId,
    string? DirectorUserId,
    IReadOnlyList<string> AlternateUserIds,
    IReadOnlyDictionary<string, PartyCalendar> Calendars,
    RenewalTimings Timings,
    DateOnly? OpensOn,
    DateTimeOffset? OpenedAt,
    int Reminders,
    int Round,
    ContractTerms? ProposedTerms,
    DateTimeOffset? ProposedAt,
    ContractRenewalEvent.SignOffRefused? LastRefusal,
    string? NewContractId,
    string? EndReason)
{
    public static ContractRenewalState New { get; } = new(
        RenewalPhase.New, null, null, null, null, null, [], new Dictionary<string, PartyCalendar>(), RenewalTimings.Default,
        null, null, 0, 0, null, null, null, null, null);

    [JsonIgnore]
    public bool IsOver => Phase is RenewalPhase.Renewed or RenewalPhase.NotRenewed or RenewalPhase.Cancelled;
}
