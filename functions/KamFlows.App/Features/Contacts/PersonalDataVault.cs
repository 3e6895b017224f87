using System.Globalization;
using System.Security.Claims;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.Contacts;

/// <summary>
/// Soft personal data in a table of its own (partition = account id, row = contact id), apart from
/// the business data, so a leak or an over-broad query of the accounts table never carries it.
/// Every read is audited first.
/// </summary>
public sealed class PersonalDataVault(StorageClients storage, PersonalDataAudit audit)
{
    private readonly TableClient _table = storage.Table(StorageLayout.PersonalDataTable);

    public async Task<Versioned<SoftPersonalData>?> ReadAsync(string accountId, string contactId, ClaimsPrincipal by, PersonalDataAction purpose, CancellationToken ct)
    {
        await audit.RecordAsync(accountId, contactId, by, purpose, ct);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, contactId, cancellationToken: ct);
        return row.HasValue ? new Versioned<SoftPersonalData>(ToData(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Creates the data (no <paramref name="ifMatch"/>) or replaces it if still at <paramref name="ifMatch"/>.</summary>
    public async Task<ETag> WriteAsync(string accountId, string contactId, SoftPersonalData data, ETag? ifMatch, ClaimsPrincipal by, CancellationToken ct)
    {
        var row = new TableEntity(accountId, contactId)
        {
            ["Birthday"] = data.Birthday?.ToString("O", CultureInfo.InvariantCulture),
            ["Hobbies"] = data.Hobbies,
            ["Family"] = data.Family,
            ["Values"] = data.Values,
        };
        try
        {
            var answer = ifMatch is { } etag
                ? await _table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, ct)
                : await _table.AddEntityAsync(row, ct);
            await audit.RecordAsync(accountId, contactId, by, PersonalDataAction.Written, ct);
            return answer.Headers.ETag!.Value;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404 or 409)
        {
            throw new ConcurrencyConflictException();
        }
    }

    public async Task DeleteAsync(string accountId, string contactId, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(accountId, contactId, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Never had any, or erased before: either way none is left.
        }
    }

    private static SoftPersonalData ToData(TableEntity row) => new(
        row.GetString("Birthday") is { } b ? DateOnly.Parse(b, CultureInfo.InvariantCulture) : null,
        row.GetString("Hobbies"),
        row.GetString("Family"),
        row.GetString("Values"));
}
