using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.Email;

/// <summary>
/// A marker per email sent (partition = a hash of its key, the effect id or the digest's key), written
/// once the mailer took it: a retried effect finds it and sends nothing. Ids only, no address, no body.
/// The one gap: a crash after SendGrid accepted the email and before the marker is written sends it
/// again when the effect is retried (at least once, not exactly once).
/// </summary>
public sealed class SentEmails(StorageClients storage, TimeProvider clock)
{
    private const string MarkerRow = "sent";
    private readonly TableClient _table = storage.Table(StorageLayout.EmailsTable);

    public async Task<bool> WasSentAsync(string key, CancellationToken ct) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(Partition(key), MarkerRow, select: ["Outcome"], cancellationToken: ct)).HasValue;

    public Task RecordAsync(string key, string template, string recipientTag, string? processId, string outcome, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(Partition(key), MarkerRow)
        {
            ["Key"] = key,
            ["Template"] = template,
            ["Recipient"] = recipientTag,
            ["ProcessId"] = processId,
            ["Outcome"] = outcome,
            ["At"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, ct);

    internal static string Partition(string key) => "sent|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
}
