using System.Security.Claims;
using KamFlows.App.Features.Dossiers;

namespace KamFlows.App.Features.Contacts;

/// <summary>Everything KamFlows holds on one contact, for a subject-access request.</summary>
public sealed record ContactExport(
    Contact Contact,
    SoftPersonalData? SoftPersonalData,
    IReadOnlyList<Interaction> Interactions,
    IReadOnlyList<DossierDocument> Documents,
    IReadOnlyList<PersonalDataAuditEntry> Audit,
    DateTimeOffset ExportedAt);

/// <summary>
/// Gathers the export: the contact, their soft data (the read is audited as an export), the log
/// entries that name them by id, the documents about them, and the audit trail of their data.
/// </summary>
public sealed class SubjectAccess(PersonalDataVault vault, PersonalDataAudit audit, DossierLog log, DocumentStore documents, TimeProvider clock)
{
    public async Task<ContactExport> ExportAsync(string accountId, Contact contact, ClaimsPrincipal by, CancellationToken ct)
    {
        var soft = await vault.ReadAsync(accountId, contact.Id, by, PersonalDataAction.Exported, ct);
        var interactions = (await log.AllInteractionsAsync(accountId, ct)).Where(i => i.ContactIds.Contains(contact.Id)).ToList();
        var about = (await documents.AllAsync(accountId, ct)).Where(d => d.ContactId == contact.Id).ToList();
        var trail = await audit.TrailAsync(accountId, contact.Id, ct);
        return new ContactExport(contact, soft?.Value, interactions, about, trail, clock.GetUtcNow());
    }
}
