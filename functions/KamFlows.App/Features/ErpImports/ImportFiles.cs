using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.ErpImports;

/// <summary>The uploaded files (container <c>imports</c>, a blob per import): written from the request as it streams, read as a stream.</summary>
public sealed class ImportFiles(StorageClients storage)
{
    private readonly BlobContainerClient _container = storage.Container(StorageLayout.ImportsContainer);

    /// <summary>Streams <paramref name="body"/> into the import's blob; its length and SHA-256.</summary>
    public async Task<(long Bytes, string Sha256)> SaveAsync(string importId, Stream body, long limit, CancellationToken ct)
    {
        using var upload = new UploadStream(body, limit);
        await _container.GetBlobClient(importId).UploadAsync(upload, new BlobUploadOptions
        {
            TransferOptions = new Azure.Storage.StorageTransferOptions { MaximumConcurrency = 1, InitialTransferSize = 4 * 1024 * 1024, MaximumTransferSize = 4 * 1024 * 1024 },
        }, ct);
        return (upload.Length64, upload.Sha256Hex());
    }

    /// <summary>Opens the file at the start of its first sheet or line (an .xlsx needs a seekable stream, which the blob's is).</summary>
    public async Task<ImportTable> OpenAsync(ImportRecord import, ImportSource source, CancellationToken ct)
    {
        var stream = await _container.GetBlobClient(import.Id).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = 1024 * 1024 }, ct);
        try
        {
            return IsWorkbook(import.FileName)
                ? XlsxImportTable.Open(stream, source.Formats)
                : await CsvImportTable.OpenAsync(stream, source.Encoding, source.DelimiterChar, ct);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public static bool IsWorkbook(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsAccepted(string fileName) =>
        IsWorkbook(fileName) || fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
}
