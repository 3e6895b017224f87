using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.Email;

/// <summary>One email as the development mailbox keeps it.</summary>
public sealed record MailboxMessage(string Id, string Key, string To, string? ToName, string Subject, string Recipient, IReadOnlyList<string> Attachments, DateTimeOffset SentAt)
{
    /// <summary>The name it is from, when written on someone's behalf (a KAM's proposal).</summary>
    public string? FromName { get; init; }

    /// <summary>Where replies go, when not to the sender.</summary>
    public string? ReplyTo { get; init; }
}

/// <summary>
/// Where email goes in Development when no SendGrid key is set: each message is kept (a row in the
/// emails table's <c>mailbox</c> partition, its HTML and text in a blob of the mailbox container),
/// so it survives restarts and <c>/dev/mailbox</c> shows it. Erasing a contact erases the emails
/// sent to them.
/// </summary>
public sealed class DevelopmentMailbox(StorageClients storage, TimeProvider clock) : IMailer, IContactDataHolder
{
    private const string Partition = "mailbox";
    private readonly TableClient _table = storage.Table(StorageLayout.EmailsTable);

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var id = SentEmails.Partition(email.Key)["sent|".Length..];
        await Container.GetBlobClient(id + ".json").UploadAsync(
            BinaryData.FromObjectAsJson(new Body(email.Html, email.Text), JsonSerializerOptions.Web), overwrite: true, ct);
        await _table.UpsertEntityAsync(new TableEntity(Partition, id)
        {
            ["Key"] = email.Key,
            ["To"] = email.To.Address,
            ["ToName"] = email.To.Name,
            ["Subject"] = email.Subject,
            ["Recipient"] = email.Tags.GetValueOrDefault(EmailTags.Recipient, ""),
            ["Attachments"] = JsonSerializer.Serialize(email.Attachments.Select(a => $"{a.FileName} ({a.Content.Length} bytes)")),
            ["SentAt"] = clock.GetUtcNow(),
            ["FromName"] = email.FromName,
            ["ReplyTo"] = email.ReplyTo?.Address,
        }, TableUpdateMode.Replace, ct);
    }

    /// <summary>The newest messages first.</summary>
    public async Task<IReadOnlyList<MailboxMessage>> ListAsync(int max, CancellationToken ct)
    {
        var all = new List<MailboxMessage>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
        {
            all.Add(new MailboxMessage(row.RowKey, row.GetString("Key"), row.GetString("To"), row.GetString("ToName"), row.GetString("Subject"),
                row.GetString("Recipient"), JsonSerializer.Deserialize<List<string>>(row.GetString("Attachments") ?? "[]") ?? [], row.GetDateTimeOffset("SentAt") ?? default)
            {
                FromName = row.GetString("FromName"),
                ReplyTo = row.GetString("ReplyTo"),
            });
        }

        return all.OrderByDescending(m => m.SentAt).Take(max).ToList();
    }

    public async Task<(string Html, string Text)?> BodyAsync(string id, CancellationToken ct)
    {
        try
        {
            var body = (await Container.GetBlobClient(id + ".json").DownloadContentAsync(ct)).Value.Content.ToObjectFromJson<Body>(JsonSerializerOptions.Web);
            return body is null ? null : (body.Html, body.Text);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task EraseContactAsync(string accountId, string contactId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Recipient eq {Recipients.ContactTag(accountId, contactId)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            await Container.GetBlobClient(row.RowKey + ".json").DeleteIfExistsAsync(cancellationToken: ct);
            await _table.DeleteEntityAsync(Partition, row.RowKey, ETag.All, ct);
        }
    }

    private Azure.Storage.Blobs.BlobContainerClient Container => storage.Container(StorageLayout.MailboxContainer);

    private sealed record Body(string Html, string Text);
}
