using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Contracts;

/// <summary>What happened to a contract's renewal. The history records their names only; the state keeps the rest.</summary>
public abstract record ContractRenewalEvent
{
    public sealed record Armed(
        string AccountId,
        string ContractId,
        ContractTerms Terms,
        string KamUserId,
        string DirectorUserId,
        IReadOnlyList<string> AlternateUserIds,
        IReadOnlyDictionary<string, PartyCalendar> Calendars,
        RenewalTimings Timings,
        DateOnly OpensOn) : ContractRenewalEvent;

    public sealed record Opened(DateTimeOffset At) : ContractRenewalEvent;

    public sealed record Reminded(DateTimeOffset At) : ContractRenewalEvent;

    /// <summary>Terms went to the director; <paramref name="Round"/> numbers the sign-offs asked for (the approval child's key).</summary>
    public sealed record TermsProposed(ContractTerms Terms, string? Comment, string ByUserId, int Round, DateTimeOffset At) : ContractRenewalEvent;

    /// <summary>The director did not sign the terms off (rejected, expired, withdrawn or could not be asked): the KAM revises them.</summary>
    public sealed record SignOffRefused(string Outcome, string? DecidedBy, string? Comment, DateTimeOffset At) : ContractRenewalEvent;

    /// <summary>Signed off: the renewed contract is <paramref name="NewContractId"/>.</summary>
    public sealed record Renewed(string NewContractId, string ApprovedBy, string? Comment, DateTimeOffset At) : ContractRenewalEvent;

    public sealed record NotRenewed(string Reason, string ByUserId, DateTimeOffset At) : ContractRenewalEvent;

    public sealed record Cancelled(string Reason, DateTimeOffset At) : ContractRenewalEvent;

    /// <summary>The account changed hands: the renewal is the new owner's.</summary>
    public sealed record KamChanged(string FromUserId, string ToUserId) : ContractRenewalEvent;
}
