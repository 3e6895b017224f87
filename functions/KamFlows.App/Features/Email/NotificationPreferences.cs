using Azure.Data.Tables;
using KamFlows.App.Storage;
using KamFlows.Domain.Email;

namespace KamFlows.App.Features.Email;

/// <summary>Each user's choice for reminders, in the notifications table (partition = user id, row <c>preferences</c>). Not chosen: immediate.</summary>
public sealed class NotificationPreferences(StorageClients storage)
{
    private const string Row = "preferences";
    private readonly TableClient _table = storage.Table(StorageLayout.NotificationsTable);

    public async Task<ReminderDelivery> RemindersAsync(string userId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(userId, Row, cancellationToken: ct);
        return row.HasValue && Enum.TryParse<ReminderDelivery>(row.Value!.GetString("Reminders"), out var chosen) ? chosen : ReminderDelivery.Immediate;
    }

    public Task SetRemindersAsync(string userId, ReminderDelivery delivery, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(userId, Row) { ["Reminders"] = delivery.ToString() }, TableUpdateMode.Replace, ct);
}
