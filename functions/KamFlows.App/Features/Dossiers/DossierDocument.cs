namespace KamFlows.App.Features.Dossiers;

/// <summary>
/// A document of an account's dossier (tender file, proposal ...): the record is in the account's
/// partition, the bytes in a blob. A document about one contact names them, so erasing the contact
/// removes it.
/// </summary>
public sealed record DossierDocument(
    string Id,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string? ContactId,
    string UploadedByUserId,
    DateTimeOffset UploadedAt);

/// <summary>A short-lived, read-only link straight to the blob.</summary>
public sealed record DocumentLink(Uri Url, DateTimeOffset ExpiresAt);
