using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Users;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.Approvals.Delegations;

/// <summary>Delegations, one row per director; every change raises the version (If-Match on the row read).</summary>
public sealed class DelegationStore(StorageClients storage)
{
    private const string Row = "current";
    private readonly TableClient _table = storage.Table(StorageLayout.DelegationsTable);

    public async Task<DirectorDelegation?> FindAsync(string directorUserId, CancellationToken ct) =>
        (await ReadAsync(directorUserId, ct)) is { } row ? ToDelegation(row) : null;

    /// <summary>Sets (or with a null delegate, removes) the director's delegation; returns it with its new version.</summary>
    /// <exception cref="ConcurrencyConflictException">Another change came in between.</exception>
    public async Task<DirectorDelegation> SaveAsync(
        string directorUserId, string? delegateUserId, DateTimeOffset? from, DateTimeOffset? until, CancellationToken ct)
    {
        var existing = await ReadAsync(directorUserId, ct);
        var version = (existing?.GetInt32("Version") ?? 0) + 1;
        var entity = new TableEntity(directorUserId, Row)
        {
            ["DelegateUserId"] = delegateUserId,
            ["From"] = from,
            ["Until"] = until,
            ["Version"] = version,
        };
        try
        {
            if (existing is null)
            {
                await _table.AddEntityAsync(entity, ct);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, ct);
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException();
        }

        return new DirectorDelegation(directorUserId, delegateUserId, from, until, version);
    }

    private async Task<TableEntity?> ReadAsync(string directorUserId, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(directorUserId, Row, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    private static DirectorDelegation ToDelegation(TableEntity e) => new(
        e.PartitionKey, e.GetString("DelegateUserId"), e.GetDateTimeOffset("From"), e.GetDateTimeOffset("Until"), e.GetInt32("Version") ?? 0);
}
