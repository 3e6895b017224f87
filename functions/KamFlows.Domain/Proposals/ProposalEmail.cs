using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Proposals;

/// <summary>
/// Email the proposal to one contact, from the KAM (replies go to the KAM), with the PDF and a link
/// to confirm receipt. The app issues the link for (instance, <see cref="ProposalFollowUpDefinition.ReceiptStep"/>,
/// contact), so a resend revokes the link of the earlier email; <paramref name="Sending"/> counts the
/// sendings (1 first, 2 the first resend ...), for the history and the email's wording.
/// </summary>
public sealed record ProposalEmail(string AccountId, string ContactId, string KamUserId, int Sending) : Effect
{
    public const string KindName = "proposal.email";

    public override string Kind => KindName;
}
