using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using KamFlows.App.Http;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.Dossiers;

/// <summary>
/// Dossier documents: bytes in the dossier container (blob <c>{accountId}/{documentId}</c>), the record
/// in the account's partition (row <c>document|{id}</c>). The blob is written first and the record
/// after: a record never points at nothing, and a blob whose record failed is deleted at once.
/// </summary>
public sealed class DocumentStore(StorageClients storage, TimeProvider clock)
{
    private const string RowPrefix = "document|";
    private readonly TableClient _table = storage.Table(StorageLayout.AccountsTable);
    private readonly BlobContainerClient _container = storage.Container(StorageLayout.DossierContainer);

    public BlobClient Blob(string accountId, string documentId) => _container.GetBlobClient($"{accountId}/{documentId}");

    /// <summary>
    /// Streams the body to a new blob, hashing and counting it on the way; null when the content is
    /// not what <paramref name="contentType"/> says (the blob is then removed again).
    /// </summary>
    public async Task<DossierDocument?> UploadAsync(
        string accountId, string? name, string contentType, Stream body, long limit, string? contactId, string byUserId, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N");
        var blob = Blob(accountId, id);
        using var upload = new UploadStream(body, limit);
        try
        {
            await blob.UploadAsync(upload, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
        }
        catch (Exception e) when (upload.TooLarge && e is not BadHttpRequestException)
        {
            // The SDK may wrap what the body stream threw; nothing was committed either way.
            throw new BadHttpRequestException($"The document is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge, e);
        }

        if (!DocumentTypes.Matches(contentType, upload.Head))
        {
            await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            return null;
        }

        var document = new DossierDocument(id, FileNames.Sanitise(name, contentType), contentType, upload.Length64, upload.Sha256Hex(), contactId, byUserId, clock.GetUtcNow());
        try
        {
            await _table.AddEntityAsync(ToRow(accountId, document), ct);
        }
        catch
        {
            await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }

        return document;
    }

    public async Task<DossierDocument?> FindAsync(string accountId, string documentId, CancellationToken ct)
    {
        if (!Accounts.AccountStore.IsKey(documentId))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, RowPrefix + documentId, cancellationToken: ct);
        return row.HasValue ? ToDocument(row.Value!) : null;
    }

    public async Task<Stream> OpenAsync(string accountId, string documentId, CancellationToken ct) =>
        (await Blob(accountId, documentId).DownloadStreamingAsync(cancellationToken: ct)).Value.Content;

    public Task<PagedList<DossierDocument>> ListAsync(string accountId, string? continuation, int pageSize, CancellationToken ct) =>
        Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(Filter(accountId), pageSize, cancellationToken: ct), continuation, pageSize, ToDocument, ct);

    public async Task<IReadOnlyList<DossierDocument>> AllAsync(string accountId, CancellationToken ct)
    {
        var all = new List<DossierDocument>();
        await foreach (var row in _table.QueryAsync<TableEntity>(Filter(accountId), cancellationToken: ct))
        {
            all.Add(ToDocument(row));
        }

        return all;
    }

    /// <summary>Removes the documents about one contact (blob first, then record, so a retry finds what is left).</summary>
    public async Task DeleteAboutAsync(string accountId, string contactId, CancellationToken ct)
    {
        foreach (var document in (await AllAsync(accountId, ct)).Where(d => d.ContactId == contactId))
        {
            await Blob(accountId, document.Id).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
            await _table.DeleteEntityAsync(accountId, RowPrefix + document.Id, ETag.All, ct);
        }
    }

    /// <summary>Rewrites the file names through <paramref name="redact"/>: a name may name a person.</summary>
    public async Task RedactNamesAsync(string accountId, Func<string, string> redact, CancellationToken ct)
    {
        foreach (var document in await AllAsync(accountId, ct))
        {
            var name = FileNames.Sanitise(redact(document.FileName), document.ContentType);
            if (name != document.FileName)
            {
                await _table.UpdateEntityAsync(new TableEntity(accountId, RowPrefix + document.Id) { ["FileName"] = name }, ETag.All, TableUpdateMode.Merge, ct);
            }
        }
    }

    private static string Filter(string accountId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {RowPrefix} and RowKey lt {"document}"}");

    private static TableEntity ToRow(string accountId, DossierDocument d) => new(accountId, RowPrefix + d.Id)
    {
        ["FileName"] = d.FileName,
        ["ContentType"] = d.ContentType,
        ["Size"] = d.Size,
        ["Sha256"] = d.Sha256,
        ["ContactId"] = d.ContactId,
        ["UploadedByUserId"] = d.UploadedByUserId,
        ["UploadedAt"] = d.UploadedAt,
    };

    private static DossierDocument ToDocument(TableEntity row) => new(
        row.RowKey[RowPrefix.Length..],
        row.GetString("FileName"),
        row.GetString("ContentType"),
        row.GetInt64("Size") ?? 0,
        row.GetString("Sha256"),
        row.GetString("ContactId"),
        row.GetString("UploadedByUserId"),
        row.GetDateTimeOffset("UploadedAt") ?? default);
}
