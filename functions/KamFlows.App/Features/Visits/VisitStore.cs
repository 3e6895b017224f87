using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Visits;

namespace KamFlows.App.Features.Visits;

/// <summary>
/// Visits in the accounts table, in their account's partition: row <c>visit|{week}|{kam}</c> (one per
/// account, KAM and week), and the account's own cadence, row <c>visitcadence</c>.
/// </summary>
public sealed class VisitStore(StorageClients storage)
{
    private const string RowPrefix = "visit|";
    private const string CadenceRow = "visitcadence";
    private readonly TableClient _table = storage.Table(StorageLayout.AccountsTable);

    public async Task<Versioned<Visit>?> FindAsync(string accountId, IsoWeek week, string kamUserId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, RowKey(week.ToString(), kamUserId), cancellationToken: ct);
        return row.HasValue ? new Versioned<Visit>(ToVisit(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Every visit of the account, oldest week first.</summary>
    public async Task<IReadOnlyList<Visit>> ListAsync(string accountId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {RowPrefix} and RowKey lt {"visit}"}");
        var all = new List<Visit>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            all.Add(ToVisit(row));
        }

        return all;
    }

    /// <summary>Stores a planned visit; false when the week's visit is there already.</summary>
    public async Task<bool> AddAsync(Visit visit, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(ToRow(visit), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task UpdateAsync(Visit visit, ETag ifMatch, CancellationToken ct)
    {
        try
        {
            await _table.UpdateEntityAsync(ToRow(visit), ifMatch, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException();
        }
    }

    public async Task<Cadence?> CadenceOfAsync(string accountId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, CadenceRow, cancellationToken: ct);
        return row.HasValue ? new Cadence(row.Value!.GetInt32("EveryWeeks") ?? 1, Enum.Parse<InteractionKind>(row.Value.GetString("Kind"))) : null;
    }

    public Task SetCadenceAsync(string accountId, Cadence cadence, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(accountId, CadenceRow) { ["EveryWeeks"] = cadence.EveryWeeks, ["Kind"] = cadence.Kind.ToString() }, TableUpdateMode.Replace, ct);

    public Task ClearCadenceAsync(string accountId, CancellationToken ct) => _table.DeleteEntityAsync(accountId, CadenceRow, ETag.All, ct);

    private static string RowKey(string week, string kamUserId) => $"{RowPrefix}{week}|{kamUserId}";

    private static TableEntity ToRow(Visit v) => new(v.AccountId, RowKey(v.Week, v.KamUserId))
    {
        ["Week"] = v.Week,
        ["KamUserId"] = v.KamUserId,
        ["Kind"] = v.Kind.ToString(),
        ["PlannedOn"] = v.PlannedOn.ToString("O", CultureInfo.InvariantCulture),
        ["TaskId"] = v.TaskId,
        ["Status"] = v.Status.ToString(),
        ["InteractionId"] = v.InteractionId,
        ["DoneAt"] = v.DoneAt,
        ["MovedFrom"] = v.MovedFrom?.ToString("O", CultureInfo.InvariantCulture),
    };

    private static Visit ToVisit(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("Week"),
        row.GetString("KamUserId"),
        Enum.Parse<InteractionKind>(row.GetString("Kind")),
        DateOnly.Parse(row.GetString("PlannedOn"), CultureInfo.InvariantCulture),
        row.GetString("TaskId"),
        Enum.Parse<VisitStatus>(row.GetString("Status")),
        row.GetString("InteractionId"),
        row.GetDateTimeOffset("DoneAt"),
        row.GetString("MovedFrom") is { } from ? DateOnly.Parse(from, CultureInfo.InvariantCulture) : null);
}
