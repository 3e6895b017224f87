using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Accounts;

/// <summary>
/// Accounts in the accounts table. Partition = account id, so the account, its contacts, its
/// interaction log and its document records are read together and never scanned for; the record is
/// the row <see cref="RecordRow"/>. Every write of the record is followed by <see cref="TeamIndex"/>,
/// which lists "my accounts"; the record stays the truth the index is checked against.
/// </summary>
public sealed class AccountStore(StorageClients storage, TeamIndex index)
{
    public const string RecordRow = "account";
    private readonly TableClient _table = storage.Table(StorageLayout.AccountsTable);

    public async Task<Versioned<Account>?> FindAsync(string id, CancellationToken ct)
    {
        if (!IsKey(id))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(id, RecordRow, cancellationToken: ct);
        return row.HasValue ? new Versioned<Account>(ToAccount(row.Value!), row.Value!.ETag) : null;
    }

    public async Task<ETag> CreateAsync(Account account, CancellationToken ct)
    {
        var etag = (await _table.AddEntityAsync(ToRow(account), ct)).Headers.ETag!.Value;
        await index.SyncAsync(null, account, ct);
        return etag;
    }

    /// <summary>Replaces the account if still at <paramref name="ifMatch"/>, then brings the index in line.</summary>
    public async Task<ETag> UpdateAsync(Account before, Account after, ETag ifMatch, CancellationToken ct)
    {
        ETag etag;
        try
        {
            etag = (await _table.UpdateEntityAsync(ToRow(after), ifMatch, TableUpdateMode.Replace, ct)).Headers.ETag!.Value;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException();
        }

        await index.SyncAsync(before, after, ct);
        return etag;
    }

    /// <summary>
    /// Replaces the account if still at <paramref name="ifMatch"/> and adds <paramref name="alongside"/>
    /// (rows of the account's own partition, e.g. a stage history entry) in the same transaction, so
    /// both are stored or neither; then brings the index in line.
    /// </summary>
    public async Task<ETag> UpdateAsync(Account before, Account after, ETag ifMatch, IReadOnlyList<TableEntity> alongside, CancellationToken ct)
    {
        if (alongside.Count > 99 || alongside.Any(r => r.PartitionKey != after.Id || r.RowKey == RecordRow))
        {
            throw new ArgumentException("Rows added with an account are at most 99 other rows of its own partition.", nameof(alongside));
        }

        ETag etag;
        try
        {
            var answer = await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToRow(after), ifMatch), .. alongside.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))],
                ct);
            etag = answer.Value[0].Headers.ETag!.Value;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404 or 409)
        {
            throw new ConcurrencyConflictException();
        }

        await index.SyncAsync(before, after, ct);
        return etag;
    }

    /// <summary>A page of accounts seen by <paramref name="memberUserId"/> (null: all accounts), checked against their records.</summary>
    public Task<PagedList<Account>> ListAsync(string? memberUserId, string? owner, AccountStatus? status, string? continuation, int pageSize, CancellationToken ct) =>
        index.ListAsync(memberUserId, owner, status, continuation, pageSize, async id => (await FindAsync(id, ct))?.Value, ct);

    /// <summary>Ids become partition keys: keep to what a key may hold and what we hand out (32 hex digits).</summary>
    public static bool IsKey(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    private static TableEntity ToRow(Account a) => new(a.Id, RecordRow)
    {
        ["Name"] = a.Name,
        ["TaxId"] = a.TaxId,
        ["TaxIdScheme"] = a.TaxIdScheme.ToString(),
        ["Country"] = a.Country,
        ["Region"] = a.Region,
        ["TimeZone"] = a.TimeZone,
        ["BusinessUnit"] = a.BusinessUnit,
        ["Segment"] = a.Segment,
        ["OwnerUserId"] = a.OwnerUserId,
        ["CoKamUserIds"] = string.Join(',', a.CoKamUserIds),
        ["DirectorUserId"] = a.DirectorUserId,
        ["AlternateDirectorUserId"] = a.AlternateDirectorUserId,
        ["Stage"] = a.Stage.ToString(),
        // At most 200 entries of ~60 characters: far below a string property's 32K characters.
        ["Revenue"] = JsonSerializer.Serialize(a.Revenue, JsonSerializerOptions.Web),
        ["Status"] = a.Status.ToString(),
        ["Class"] = a.Class?.ToString(),
        ["CreatedAt"] = a.CreatedAt,
        ["ArchivedAt"] = a.ArchivedAt,
    };

    private static Account ToAccount(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("Name"),
        row.GetString("TaxId"),
        Enum.Parse<TaxIdScheme>(row.GetString("TaxIdScheme")),
        row.GetString("Country"),
        row.GetString("Region"),
        row.GetString("TimeZone"),
        row.GetString("BusinessUnit"),
        row.GetString("Segment"),
        row.GetString("OwnerUserId"),
        row.GetString("CoKamUserIds").Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetString("DirectorUserId"),
        row.GetString("AlternateDirectorUserId"),
        Enum.Parse<RelationshipStage>(row.GetString("Stage")),
        JsonSerializer.Deserialize<List<RevenueEntry>>(row.GetString("Revenue"), JsonSerializerOptions.Web) ?? [],
        Enum.Parse<AccountStatus>(row.GetString("Status")),
        row.GetString("Class") is { } c ? Enum.Parse<AccountClass>(c) : null,
        row.GetDateTimeOffset("CreatedAt") ?? default,
        row.GetDateTimeOffset("ArchivedAt"));
}
