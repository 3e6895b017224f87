namespace KamFlows.App.Features.Dossiers;

/// <summary>
/// The document types a dossier accepts, with the extension a download gets and the first bytes a
/// file of that type starts with: a declared type that the content contradicts is refused.
/// </summary>
public static class DocumentTypes
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04]; // DOCX, XLSX and PPTX are ZIP packages.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    private static readonly Dictionary<string, (string Extension, byte[]? Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = (".pdf", Pdf),
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = (".docx", Zip),
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = (".xlsx", Zip),
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = (".pptx", Zip),
        ["image/png"] = (".png", Png),
        ["image/jpeg"] = (".jpg", Jpeg),
        ["text/plain"] = (".txt", null),
        ["text/csv"] = (".csv", null),
    };

    /// <summary>The number of leading bytes <see cref="Matches"/> looks at.</summary>
    public const int HeadLength = 8;

    public static IEnumerable<string> Names => Allowed.Keys;

    public static bool IsAllowed(string? contentType) => contentType is not null && Allowed.ContainsKey(contentType);

    public static string ExtensionOf(string contentType) => Allowed[contentType].Extension;

    /// <summary>Whether the content starts as its type should; text must hold no NUL byte (a binary file called text).</summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> head) =>
        Allowed[contentType].Magic is { } magic ? head.StartsWith(magic) : !head.Contains((byte)0);
}
