using System.Globalization;
using KamFlows.App.Engine;
using KamFlows.App.Features.Email;
using KamFlows.App.Http;
using KamFlows.App.Links;
using KamFlows.Domain.Email;
using KamFlows.Domain.Proposals;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Proposals;

/// <summary>
/// Performs <see cref="ProposalEmail"/>: issues the contact's receipt link (derived from this
/// effect's id, so a retry sends the same link; it revokes the contact's earlier one) and sends the
/// proposal from the KAM (replies go to the KAM) with the PDF, the title and the covering message
/// read from the proposal's record now (the process holds no free text). A bounce comes back as
/// <see cref="ProposalCommand.Bounced"/>.
/// </summary>
internal sealed class ProposalEmailHandler(LinkStore links, Postman postman, ProposalStore proposals, IOptions<AppOptions> app) : EffectHandler<ProposalEmail>
{
    public override string Kind => ProposalEmail.KindName;

    protected override async Task PerformAsync(ProposalEmail effect, EffectContext context, CancellationToken ct)
    {
        var record = await proposals.FindAsync(effect.AccountId, context.Instance.Id, ct)
            ?? throw new InvalidOperationException($"Proposal {context.Instance.Id} has no record: it cannot be written.");
        var recipient = ProposalFollowUpDefinition.CustomerMember(effect.AccountId, effect.ContactId);
        var link = await links.IssueAsync(context.Instance.Id, context.EffectId, ProposalFollowUpDefinition.ReceiptStep, ProposalFollowUpDefinition.Customer,
            recipient, RecipientKind.Contact, ct);
        if (link.Superseded)
        {
            return; // a later sending carries the link that works
        }

        var state = ProposalFollowUpDefinition.ReadState(context.Instance.StateJson);
        var email = new SendEmail(
            "proposal",
            EmailRecipient.Contact(effect.AccountId, effect.ContactId),
            NotificationCategory.Message,
            new Dictionary<string, string>
            {
                ["title"] = record.Title,
                ["message"] = record.Message ?? "",
                ["value"] = record.Value.ToString("N2", CultureInfo.InvariantCulture),
                ["currency"] = record.Currency,
                ["validUntil"] = (state.Terms?.ValidUntil ?? record.ValidUntil).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["link"] = new Uri(app.Value.PublicBaseUrl!, LinkPages.PathOf(context.Instance.Id, link.Token)).ToString(),
            },
            effect.AccountId,
            [record.DocumentId],
            ProposalFollowUpDefinition.BounceEvent)
        {
            FromUserId = effect.KamUserId,
        };
        await postman.SendAsync(email, context.EffectId, context.Instance.Id, ct);
    }
}
