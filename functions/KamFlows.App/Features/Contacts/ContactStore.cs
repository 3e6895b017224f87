using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Contacts;

/// <summary>Contacts in the accounts table, in their account's partition (row <c>contact|{id}</c>): an account's people are read in one query.</summary>
public sealed class ContactStore(StorageClients storage)
{
    private const string RowPrefix = "contact|";
    private readonly TableClient _table = storage.Table(StorageLayout.AccountsTable);

    public async Task<Versioned<Contact>?> FindAsync(string accountId, string contactId, CancellationToken ct)
    {
        if (!Accounts.AccountStore.IsKey(contactId))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, RowPrefix + contactId, cancellationToken: ct);
        return row.HasValue ? new Versioned<Contact>(ToContact(row.Value!), row.Value!.ETag) : null;
    }

    public Task<PagedList<Contact>> ListAsync(string accountId, string? continuation, int pageSize, CancellationToken ct) =>
        Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(PartitionFilter(accountId), pageSize, cancellationToken: ct), continuation, pageSize, ToContact, ct);

    /// <summary>Every contact of an account, tombstones included: to show who a log entry names.</summary>
    public async Task<IReadOnlyDictionary<string, Contact>> AllAsync(string accountId, CancellationToken ct)
    {
        var all = new Dictionary<string, Contact>();
        await foreach (var row in _table.QueryAsync<TableEntity>(PartitionFilter(accountId), cancellationToken: ct))
        {
            var contact = ToContact(row);
            all[contact.Id] = contact;
        }

        return all;
    }

    public async Task<ETag> CreateAsync(Contact contact, CancellationToken ct) =>
        (await _table.AddEntityAsync(ToRow(contact), ct)).Headers.ETag!.Value;

    public async Task<ETag> UpdateAsync(Contact contact, ETag ifMatch, CancellationToken ct)
    {
        try
        {
            return (await _table.UpdateEntityAsync(ToRow(contact), ifMatch, TableUpdateMode.Replace, ct)).Headers.ETag!.Value;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException();
        }
    }

    /// <summary>Marks the contact's email bounced, if <paramref name="address"/> is still their address (a corrected one is not).</summary>
    public async Task MarkEmailBouncedAsync(string accountId, string contactId, string address, DateTimeOffset at, CancellationToken ct)
    {
        if (await FindAsync(accountId, contactId, ct) is { Value: { Erased: false } contact } found
            && string.Equals(contact.Email, address, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await _table.UpdateEntityAsync(new TableEntity(accountId, RowPrefix + contactId) { ["EmailBouncedAt"] = at }, found.ETag, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // changed meanwhile (a new address, an erasure): the mark no longer applies
            }
        }
    }

    /// <summary>Replaces the contact by its tombstone: the id stays, everything about the person goes.</summary>
    public Task EraseAsync(string accountId, string contactId, CancellationToken ct) =>
        _table.UpsertEntityAsync(ToRow(Contact.Tombstone(contactId, accountId)), TableUpdateMode.Replace, ct);

    private static string PartitionFilter(string accountId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {RowPrefix} and RowKey lt {"contact}"}");

    private static TableEntity ToRow(Contact c) => new(c.AccountId, RowPrefix + c.Id)
    {
        ["Name"] = c.Name,
        ["JobTitle"] = c.JobTitle,
        ["Email"] = c.Email,
        ["Phone"] = c.Phone,
        ["Language"] = c.Language,
        ["TimeZone"] = c.TimeZone,
        ["Role"] = c.Role?.ToString(),
        ["Influence"] = c.Influence,
        ["Attitude"] = c.Attitude?.ToString(),
        ["LastInteractionOn"] = c.LastInteractionOn?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["Active"] = c.Active,
        ["Erased"] = c.Erased,
        ["EmailBouncedAt"] = c.EmailBouncedAt,
    };

    private static Contact ToContact(TableEntity row) => new(
        row.RowKey[RowPrefix.Length..],
        row.PartitionKey,
        row.GetString("Name"),
        row.GetString("JobTitle"),
        row.GetString("Email"),
        row.GetString("Phone"),
        row.GetString("Language"),
        row.GetString("TimeZone"),
        row.GetString("Role") is { } r ? Enum.Parse<DecisionRole>(r) : null,
        row.GetInt32("Influence"),
        row.GetString("Attitude") is { } a ? Enum.Parse<Attitude>(a) : null,
        row.GetString("LastInteractionOn") is { } d ? DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : null,
        row.GetBoolean("Active") ?? false,
        row.GetBoolean("Erased") ?? false)
    {
        EmailBouncedAt = row.GetDateTimeOffset("EmailBouncedAt"),
    };
}
