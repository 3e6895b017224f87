using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Storage;
using KamFlows.App.Work;
using KamFlows.Domain.Email;

namespace KamFlows.App.Features.Email;

/// <summary>A reminder waiting for its user's digest: the email as decided (ids only), under the key it would have gone with.</summary>
public sealed record DigestEntry(string RowKey, string Key, SendEmail Email, string? ProcessId, DateTimeOffset At);

/// <summary>
/// Reminders waiting for the 08:00 digest, in the user's partition of the notifications table (row
/// <c>digest|{hash of the key}</c>, so a repeated effect waits once). Each one sets the user's digest
/// wake-up in the due-timer index at the next 08:00 on their clock; the sweep fires it.
/// </summary>
public sealed class DigestInbox(StorageClients storage, DueTimers dueTimers, TimeProvider clock)
{
    public const string WorkKind = "email.digest";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly TableClient _table = storage.Table(StorageLayout.NotificationsTable);

    public async Task AddAsync(string userId, string timeZone, string key, SendEmail email, string? processId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await _table.UpsertEntityAsync(new TableEntity(userId, "digest|" + SentEmails.Partition(key)["sent|".Length..])
        {
            ["Key"] = key,
            ["Email"] = JsonSerializer.Serialize(email, Json),
            ["ProcessId"] = processId,
            ["At"] = now,
        }, TableUpdateMode.Replace, ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        // One wake-up per user and digest time, however many reminders wait for it.
        await dueTimers.SetOnceAsync(new WorkItem(WorkKind, userId), NotificationRules.NextDigestAt(now, zone), ct);
    }

    public async Task<IReadOnlyList<DigestEntry>> ListAsync(string userId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {userId} and RowKey ge {"digest|"} and RowKey lt {"digest}"}");
        var entries = new List<DigestEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            entries.Add(new DigestEntry(row.RowKey, row.GetString("Key"), JsonSerializer.Deserialize<SendEmail>(row.GetString("Email"), Json)!,
                row.GetString("ProcessId"), row.GetDateTimeOffset("At") ?? default));
        }

        return entries.OrderBy(e => e.At).ToList();
    }

    public async Task RemoveAsync(string userId, DigestEntry entry, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(userId, entry.RowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // removed by an earlier pass
        }
    }
}
