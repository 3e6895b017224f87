using System.Security.Cryptography;
using System.Text;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Contracts;

/// <summary>
/// Store the renewed contract (<paramref name="NewContractId"/>, on <paramref name="Terms"/>) after the
/// director's sign-off, mark <paramref name="PreviousContractId"/> renewed, and arm the new contract's
/// own renewal. The new id follows from the previous one, so a repeat stores nothing twice.
/// </summary>
public sealed record RenewContract(string AccountId, string PreviousContractId, string NewContractId, ContractTerms Terms, string ApprovedByUserId) : Effect
{
    public const string KindName = "contracts.renew";

    public override string Kind => KindName;

    /// <summary>The id of the contract that renews <paramref name="contractId"/>: one renewal per contract.</summary>
    public static string IdOfRenewalOf(string contractId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("renewal\n" + contractId)))[..32];
}
