using KamFlows.App.Features.Contacts;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Proposals;

/// <summary>
/// Erasing a contact: the title and covering message of every proposal of the account show
/// "[erased]" where they named the contact. The process state holds only their id, and the email
/// copies go with the development mailbox's own erasure. Runs before the contact is tombstoned, so
/// the name to look for is still known; idempotent.
/// </summary>
internal sealed class ProposalErasure(ContactStore contacts, ProposalStore proposals) : IContactDataHolder
{
    public async Task EraseContactAsync(string accountId, string contactId, CancellationToken ct)
    {
        if ((await contacts.FindAsync(accountId, contactId, ct))?.Value is not { Erased: false } contact)
        {
            return;
        }

        string Redact(string text) => Erased.Redact(text, [contact.Email, contact.Phone, contact.JobTitle], contact.Name);
        await foreach (var record in proposals.OfAccountAsync(accountId, ct))
        {
            var redacted = record with { Title = Redact(record.Title), Message = record.Message is { } m ? Redact(m) : null };
            if (redacted != record)
            {
                await proposals.RewriteTextAsync(redacted, ct);
            }
        }
    }
}
