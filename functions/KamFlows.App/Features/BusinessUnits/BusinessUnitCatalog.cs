using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.BusinessUnits;

/// <summary>Business units in the organisation table, one partition: a company has a handful.</summary>
public sealed class BusinessUnitCatalog(StorageClients storage)
{
    private const string Partition = "unit";
    private readonly TableClient _table = storage.Table(StorageLayout.OrganisationTable);

    public async Task<Versioned<BusinessUnit>?> FindAsync(string code, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, code, cancellationToken: ct);
        return row.HasValue ? new Versioned<BusinessUnit>(ToUnit(row.Value!), row.Value!.ETag) : null;
    }

    public async Task<IReadOnlyList<BusinessUnit>> ListAsync(CancellationToken ct)
    {
        var units = new List<BusinessUnit>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
        {
            units.Add(ToUnit(row));
        }

        return units;
    }

    public async Task<ETag> CreateAsync(BusinessUnit unit, CancellationToken ct)
    {
        try
        {
            return (await _table.AddEntityAsync(ToRow(unit), ct)).Headers.ETag!.Value;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new BusinessUnitExistsException();
        }
    }

    public async Task<ETag> UpdateAsync(BusinessUnit unit, ETag ifMatch, CancellationToken ct)
    {
        try
        {
            return (await _table.UpdateEntityAsync(ToRow(unit), ifMatch, TableUpdateMode.Replace, ct)).Headers.ETag!.Value;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException();
        }
    }

    private static TableEntity ToRow(BusinessUnit unit) => new(Partition, unit.Code)
    {
        ["Name"] = unit.Name,
        ["Country"] = unit.Country,
        ["HeadOfKamUserId"] = unit.HeadOfKamUserId,
        ["DirectorUserId"] = unit.DirectorUserId,
        ["AlternateDirectorUserId"] = unit.AlternateDirectorUserId,
    };

    private static BusinessUnit ToUnit(TableEntity row) => new(
        row.RowKey,
        row.GetString("Name"),
        row.GetString("Country"),
        row.GetString("HeadOfKamUserId"),
        row.GetString("DirectorUserId"),
        row.GetString("AlternateDirectorUserId"));
}

public sealed class BusinessUnitExistsException() : Exception("A business unit with this code exists.");
