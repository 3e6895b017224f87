using System.ComponentModel.DataAnnotations;
using Azure.Data.Tables;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Portfolio;

namespace KamFlows.App.Features.Portfolio;

/// <summary>A class set by hand, who set it and when.</summary>
public sealed record StoredClassOverride(string AccountId, string Quarter, AccountClass Class, string Reason, string ByUserId, DateTimeOffset At)
{
    public ClassOverride ToRule() => new(AccountId, Domain.Accounts.Quarter.Parse(Quarter), Class, Reason);
}

/// <summary>What a head of KAM sends to set an account's class by hand from a quarter on.</summary>
public sealed record ClassOverrideInput(
    [property: Required, StringLength(64)] string? AccountId,
    [property: Required, RegularExpression("^(19|20)[0-9]{2}-Q[1-4]$", ErrorMessage = "Quarter is a calendar quarter, e.g. 2026-Q3.")] string? Quarter,
    [property: Required] AccountClass? Class,
    [property: Required, StringLength(1000, MinimumLength = 3)] string? Reason);

/// <summary>
/// Manual class overrides in the portfolio table, partition <c>override</c>, row
/// "{accountId}|{quarter}": a company sets a handful, all read at once. Setting one again for the
/// same account and quarter replaces it.
/// </summary>
public sealed class ClassOverrides(StorageClients storage)
{
    private const string Partition = "override";
    private readonly TableClient _table = storage.Table(StorageLayout.PortfolioTable);

    public Task SetAsync(StoredClassOverride o, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(Partition, $"{o.AccountId}|{o.Quarter}")
        {
            ["AccountId"] = o.AccountId,
            ["Quarter"] = o.Quarter,
            ["Class"] = o.Class.ToString(),
            ["Reason"] = o.Reason,
            ["ByUserId"] = o.ByUserId,
            ["At"] = o.At,
        }, TableUpdateMode.Replace, ct);

    /// <summary>Every override, in the order they apply (by quarter, then when set).</summary>
    public async Task<IReadOnlyList<StoredClassOverride>> AllAsync(CancellationToken ct)
    {
        var all = new List<StoredClassOverride>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
        {
            all.Add(new StoredClassOverride(
                row.GetString("AccountId"), row.GetString("Quarter"), Enum.Parse<AccountClass>(row.GetString("Class")), row.GetString("Reason"), row.GetString("ByUserId"),
                row.GetDateTimeOffset("At") ?? default));
        }

        return [.. all.OrderBy(o => o.Quarter, StringComparer.Ordinal).ThenBy(o => o.At)];
    }
}
