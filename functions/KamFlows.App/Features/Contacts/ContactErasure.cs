using System.Security.Claims;
using KamFlows.App.Features.Dossiers;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Contacts;

/// <summary>
/// Erases one contact on request: the soft personal data and the documents about them go, every free
/// text of the dossier that names them shows "[erased]", and the contact becomes a tombstone that
/// keeps only the id the log and the audit refer to. The contact is tombstoned last, so a retry after
/// a failure still knows the name to look for; each step is idempotent.
/// </summary>
public sealed partial class ContactErasure(
    ContactStore contacts, PersonalDataVault vault, PersonalDataAudit audit, DossierLog log, DocumentStore documents,
    IEnumerable<IContactDataHolder> holders, ILogger<ContactErasure> logger)
{
    public async Task EraseAsync(string accountId, Contact contact, ClaimsPrincipal by, CancellationToken ct)
    {
        foreach (var holder in holders)
        {
            await holder.EraseContactAsync(accountId, contact.Id, ct);
        }

        if (!contact.Erased)
        {
            string Redact(string text) => Erased.Redact(text, [contact.Email, contact.Phone, contact.JobTitle], contact.Name);
            await vault.DeleteAsync(accountId, contact.Id, ct);
            await documents.DeleteAboutAsync(accountId, contact.Id, ct);
            await documents.RedactNamesAsync(accountId, Redact, ct);
            await log.RedactAsync(accountId, Redact, ct);
            await contacts.EraseAsync(accountId, contact.Id, ct);
        }
        else
        {
            // Erased before: make sure nothing came back under the id (a late soft-data write, a late upload).
            await vault.DeleteAsync(accountId, contact.Id, ct);
            await documents.DeleteAboutAsync(accountId, contact.Id, ct);
        }

        await audit.RecordAsync(accountId, contact.Id, by, PersonalDataAction.Erased, ct);
        LogErased(logger, accountId, contact.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} of account {AccountId} erased")]
    private static partial void LogErased(ILogger logger, string accountId, string contactId);
}

/// <summary>Another feature that keeps something about a contact (the emails sent to them): it erases it when the contact is erased. Idempotent.</summary>
public interface IContactDataHolder
{
    Task EraseContactAsync(string accountId, string contactId, CancellationToken ct);
}
