using System.Text.Json.Serialization;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Contracts;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Arm), "arm")]
[JsonDerivedType(typeof(ProposeTerms), "propose-terms")]
[JsonDerivedType(typeof(EndContract), "end-contract")]
[JsonDerivedType(typeof(Cancel), "cancel")]
public abstract record ContractRenewalCommand
{
    /// <summary>
    /// The start, sent by the app when a contract is stored: the contract, the account's KAM and
    /// approving director(s) and the timings in force. The people are also the instance's parties
    /// ("kam", "director", "alternate"); <paramref name="Calendars"/> are theirs, kept for the
    /// director's sign-off (the approval child lives by them).
    /// </summary>
    public sealed record Arm(
        string AccountId,
        string ContractId,
        ContractTerms Terms,
        string KamUserId,
        string DirectorUserId,
        IReadOnlyList<string> AlternateUserIds,
        IReadOnlyDictionary<string, PartyCalendar> Calendars,
        RenewalTimings? Timings = null) : ContractRenewalCommand;

    /// <summary>The KAM proposes the renewed terms: they go to the director for sign-off.</summary>
    public sealed record ProposeTerms(ContractTerms Terms, string? Comment) : ContractRenewalCommand;

    /// <summary>The KAM records that the contract will not be renewed (the customer or we give notice).</summary>
    public sealed record EndContract(string Reason) : ContractRenewalCommand;

    /// <summary>The contract was deleted or ended early: the renewal is no longer wanted (from the app).</summary>
    public sealed record Cancel(string Reason) : ContractRenewalCommand;
}
