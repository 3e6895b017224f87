using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Storage;
using KamFlows.Domain.Contracts;

namespace KamFlows.App.Features.Contracts;

/// <summary>
/// Contracts in the accounts table, in their account's partition (row <c>contract|{id}</c>). The id of a
/// contract the team stores follows from the account and its reference, so storing it twice finds it.
/// </summary>
public sealed class ContractStore(StorageClients storage)
{
    private const string RowPrefix = "contract|";
    private readonly TableClient _table = storage.Table(StorageLayout.AccountsTable);

    public static string IdOf(string accountId, string reference) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"contract\n{accountId}\n{reference}")))[..32];

    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public async Task<Versioned<Contract>?> FindAsync(string accountId, string contractId, CancellationToken ct)
    {
        if (!IsId(contractId))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, RowPrefix + contractId, cancellationToken: ct);
        return row.HasValue ? new Versioned<Contract>(ToContract(row.Value!), row.Value!.ETag) : null;
    }

    public async Task<IReadOnlyList<Contract>> ListAsync(string accountId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {RowPrefix} and RowKey lt {"contract}"}");
        var all = new List<Contract>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            all.Add(ToContract(row));
        }

        return [.. all.OrderBy(c => c.Terms.Start).ThenBy(c => c.Reference, StringComparer.Ordinal)];
    }

    /// <summary>Stores a new contract; false when one with its id is there already.</summary>
    public async Task<bool> AddAsync(Contract contract, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(ToRow(contract), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task UpdateAsync(Contract contract, ETag ifMatch, CancellationToken ct)
    {
        try
        {
            await _table.UpdateEntityAsync(ToRow(contract), ifMatch, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException();
        }
    }

    private static TableEntity ToRow(Contract c) => new(c.AccountId, RowPrefix + c.Id)
    {
        ["Reference"] = c.Reference,
        ["Start"] = c.Terms.Start.ToString("O", CultureInfo.InvariantCulture),
        ["End"] = c.Terms.End.ToString("O", CultureInfo.InvariantCulture),
        ["Value"] = c.Terms.Value.ToString(CultureInfo.InvariantCulture),
        ["Currency"] = c.Terms.Currency,
        ["NoticePeriodDays"] = c.Terms.NoticePeriodDays,
        ["DocumentIds"] = JsonSerializer.Serialize(c.DocumentIds),
        ["Status"] = c.Status.ToString(),
        ["RenewsContractId"] = c.RenewsContractId,
        ["RenewedByContractId"] = c.RenewedByContractId,
        ["RenewalProcessId"] = c.RenewalProcessId,
        ["CreatedByUserId"] = c.CreatedByUserId,
        ["CreatedAt"] = c.CreatedAt,
    };

    private static Contract ToContract(TableEntity row) => new(
        row.RowKey[RowPrefix.Length..],
        row.PartitionKey,
        row.GetString("Reference"),
        new ContractTerms(
            DateOnly.Parse(row.GetString("Start"), CultureInfo.InvariantCulture),
            DateOnly.Parse(row.GetString("End"), CultureInfo.InvariantCulture),
            decimal.Parse(row.GetString("Value"), CultureInfo.InvariantCulture),
            row.GetString("Currency"),
            row.GetInt32("NoticePeriodDays") ?? 0),
        JsonSerializer.Deserialize<string[]>(row.GetString("DocumentIds") ?? "[]") ?? [],
        Enum.Parse<ContractStatus>(row.GetString("Status")),
        row.GetString("RenewsContractId"),
        row.GetString("RenewedByContractId"),
        row.GetString("RenewalProcessId"),
        row.GetString("CreatedByUserId"),
        row.GetDateTimeOffset("CreatedAt") ?? default);
}
