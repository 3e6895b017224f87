using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using KamFlows.App.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KamFlows.App.Features.Dossiers;

/// <summary>
/// Short-lived, read-only links straight to a document's blob, so a large download does not pass
/// through the app. With a connection string (Azurite, local) the account key signs them; with
/// managed identity there is no key, so a user-delegation key (valid for a day, renewed an hour
/// before it runs out) signs them instead.
/// </summary>
public sealed class DocumentLinks(StorageClients storage, TimeProvider clock, IOptions<DossierOptions> options) : IDisposable
{
    private static readonly TimeSpan DelegationKeyLifetime = TimeSpan.FromDays(1);
    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private UserDelegationKey? _delegationKey;

    public Task<DocumentLink> CreateAsync(DocumentStore documents, string accountId, DossierDocument document, CancellationToken ct) =>
        CreateAsync(documents, accountId, document, options.Value.LinkLifetime, ct);

    /// <summary>A link that lives <paramref name="lifetime"/> (an emailed one lives days; at most seven with managed identity).</summary>
    public async Task<DocumentLink> CreateAsync(DocumentStore documents, string accountId, DossierDocument document, TimeSpan lifetime, CancellationToken ct)
    {
        var blob = documents.Blob(accountId, document.Id);
        var expiresAt = clock.GetUtcNow() + lifetime;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(document.FileName);
        // No start time: a server clock slightly ahead of storage's would make a fresh link invalid.
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresAt)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            ContentDisposition = disposition.ToString(),
            ContentType = document.ContentType,
        };

        if (blob.CanGenerateSasUri)
        {
            return new DocumentLink(blob.GenerateSasUri(sas), expiresAt);
        }

        var key = await DelegationKeyAsync(expiresAt, ct);
        var uri = new Azure.Storage.Blobs.BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, blob.AccountName) }.ToUri();
        return new DocumentLink(uri, expiresAt);
    }

    public void Dispose() => _keyLock.Dispose();

    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset neededUntil, CancellationToken ct)
    {
        await _keyLock.WaitAsync(ct);
        try
        {
            if (_delegationKey is null || _delegationKey.SignedExpiresOn < neededUntil.AddHours(1))
            {
                var now = clock.GetUtcNow();
                // A day, or as long as the longest link asks (an emailed one: days), within Azure's seven.
                var until = neededUntil.AddHours(1) > now + DelegationKeyLifetime ? neededUntil.AddHours(1) : now + DelegationKeyLifetime;
                until = until > now.AddDays(7) ? now.AddDays(7) : until;
                _delegationKey = (await storage.Blobs.GetUserDelegationKeyAsync(
                    new BlobGetUserDelegationKeyOptions(until) { StartsOn = now.AddMinutes(-5) }, ct)).Value;
            }

            return _delegationKey;
        }
        finally
        {
            _keyLock.Release();
        }
    }
}
