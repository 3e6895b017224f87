using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.CalendarFeeds;

/// <summary>A person's feed as stored: when its current address was made (its secret is not kept).</summary>
public sealed record CalendarFeed(string UserId, DateTimeOffset CreatedAt);

/// <summary>
/// The secret of each person's feed address, as its SHA-256 hash only (table <c>calendarfeeds</c>,
/// partition = user id, one row): the address itself is shown once, when it is made. A new address
/// replaces the row, so the old one stops working at once; turning the feed off deletes it.
/// </summary>
public sealed class CalendarFeedStore(StorageClients storage)
{
    private const string Row = "feed";
    private readonly TableClient _table = storage.Table(StorageLayout.CalendarFeedsTable);

    /// <summary>A new secret for <paramref name="userId"/>'s feed, replacing any earlier one.</summary>
    public async Task<(string Secret, CalendarFeed Feed)> RenewAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        await _table.UpsertEntityAsync(new TableEntity(userId, Row) { ["SecretHash"] = Hash(secret), ["CreatedAt"] = now }, TableUpdateMode.Replace, ct);
        return (secret, new CalendarFeed(userId, now));
    }

    public async Task<CalendarFeed?> FindAsync(string userId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(userId, Row, cancellationToken: ct);
        return row.HasValue ? new CalendarFeed(userId, row.Value!.GetDateTimeOffset("CreatedAt") ?? default) : null;
    }

    /// <summary>Whether <paramref name="secret"/> is the current secret of <paramref name="userId"/>'s feed (compared in constant time).</summary>
    public async Task<bool> IsCurrentAsync(string userId, string secret, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(userId, Row, cancellationToken: ct);
        return row.HasValue && row.Value!.GetString("SecretHash") is { } stored
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(Hash(secret)));
    }

    public async Task DeleteAsync(string userId, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(userId, Row, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // off already
        }
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
