using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.Tenders;

/// <summary>
/// Tender records: one partition (<c>tender</c>) for the department's tenders, row = the tender id.
/// The id follows from who registered it and their <c>Idempotency-Key</c>, so a retried registration
/// finds the same row; the row keeps a hash of the request, so the same key with another tender is told apart.
/// </summary>
public sealed class TenderStore(StorageClients storage)
{
    private const string Partition = "tender";
    private readonly TableClient _table = storage.Table(StorageLayout.TendersTable);

    /// <summary>The id of the tender <paramref name="userId"/> registers under <paramref name="idempotencyKey"/>.</summary>
    public static string IdFor(string userId, string idempotencyKey) =>
        "tnd" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId + "\n" + idempotencyKey)))[..24];

    public static bool IsId(string? id) => id is { Length: 27 } && id.StartsWith("tnd", StringComparison.Ordinal) && id[3..].All(char.IsAsciiHexDigitLower);

    public static string HashOf(TenderInput input) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(input)));

    /// <summary>Adds the tender; when its id is taken, the stored one and whether it came from the same request.</summary>
    public async Task<(Tender Tender, bool Created, bool SameRequest)> AddAsync(Tender tender, string requestHash, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(tender, requestHash), ct);
            return (tender, true, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = (await _table.GetEntityAsync<TableEntity>(Partition, tender.Id, cancellationToken: ct)).Value;
            return (ToTender(existing), false, existing.GetString("RequestHash") == requestHash);
        }
    }

    public async Task<Tender?> FindAsync(string id, CancellationToken ct)
    {
        if (!IsId(id))
        {
            return null;
        }

        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return found.HasValue ? ToTender(found.Value!) : null;
    }

    /// <summary>Every tender (a department has hundreds, not millions: one partition, read page by page).</summary>
    public async Task<IReadOnlyList<Tender>> AllAsync(CancellationToken ct)
    {
        var all = new List<Tender>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            all.Add(ToTender(row));
        }

        return all;
    }

    private static TableEntity ToEntity(Tender t, string requestHash) => new(Partition, t.Id)
    {
        ["AccountId"] = t.AccountId,
        ["BusinessUnit"] = t.BusinessUnit,
        ["Buyer"] = t.Buyer,
        ["Reference"] = t.Reference,
        ["ExpectedTenderDate"] = t.ExpectedTenderDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["EstimatedValue"] = t.EstimatedValue.ToString(CultureInfo.InvariantCulture),
        ["Currency"] = t.Currency,
        ["Lots"] = JsonSerializer.Serialize(t.Lots),
        ["DocumentIds"] = JsonSerializer.Serialize(t.DocumentIds),
        ["RegisteredByUserId"] = t.RegisteredByUserId,
        ["ProcessId"] = t.ProcessId,
        ["RegisteredAt"] = t.RegisteredAt,
        ["RequestHash"] = requestHash,
    };

    private static Tender ToTender(TableEntity e) => new(
        e.RowKey,
        e.GetString("AccountId"),
        e.GetString("BusinessUnit"),
        e.GetString("Buyer"),
        e.GetString("Reference"),
        DateOnly.ParseExact(e.GetString("ExpectedTenderDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal.Parse(e.GetString("EstimatedValue"), CultureInfo.InvariantCulture),
        e.GetString("Currency"),
        JsonSerializer.Deserialize<string[]>(e.GetString("Lots")) ?? [],
        JsonSerializer.Deserialize<string[]>(e.GetString("DocumentIds")) ?? [],
        e.GetString("RegisteredByUserId"),
        e.GetString("ProcessId"),
        e.GetDateTimeOffset("RegisteredAt") ?? DateTimeOffset.MinValue);
}
