using System.Collections.ObjectModel;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using KamFlows.App.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KamFlows.App.Security;

/// <summary>
/// Where ASP.NET Data Protection keeps its key ring: one blob per element (a key or a revocation) in
/// <see cref="StorageLayout.DataProtectionContainer"/>. Elements are only ever added, each under a
/// name of its own and written with If-None-Match: *, so instances that create keys at the same time
/// can never overwrite each other's (the framework reads them all and agrees on the default key).
/// Data Protection calls this synchronously, rarely (at start and when its ring expires, about daily).
/// </summary>
internal sealed partial class BlobKeyRepository(StorageClients storage) : IXmlRepository
{
    private const string Folder = "keys/";
    private readonly BlobContainerClient _container = storage.Container(StorageLayout.DataProtectionContainer);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        foreach (var blob in _container.GetBlobs(BlobTraits.None, BlobStates.None, Folder, CancellationToken.None))
        {
            var content = _container.GetBlobClient(blob.Name).DownloadContent().Value.Content;
            using var stream = content.ToStream();
            elements.Add(XElement.Load(stream));
        }

        return new ReadOnlyCollection<XElement>(elements);
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        // The friendly name is "key-{guid}" or "revocation-{...}": readable and already unique. Should it
        // ever collide (or be unusable as a name), the element still gets stored, under a fresh name.
        var name = SafeName().IsMatch(friendlyName) ? friendlyName : Guid.NewGuid().ToString("N");
        if (!TryCreate(Folder + name + ".xml", element))
        {
            TryCreate(Folder + name + "-" + Guid.NewGuid().ToString("N") + ".xml", element);
        }
    }

    private bool TryCreate(string blobName, XElement element)
    {
        using var body = new MemoryStream();
        element.Save(body, SaveOptions.DisableFormatting);
        body.Position = 0;
        try
        {
            _container.GetBlobClient(blobName).Upload(body, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
            });
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,200}$")]
    private static partial Regex SafeName();
}
