using System.Text;

namespace KamFlows.App.Features.Dossiers;

/// <summary>
/// Makes an uploaded file name safe to store and to send back in a Content-Disposition: no folders,
/// no control or shell characters, no leading dots, at most 120 characters, and the extension of its
/// content type.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 120;

    public static string Sanitise(string? name, string contentType)
    {
        var extension = DocumentTypes.ExtensionOf(contentType);
        // Browsers send the full path from some systems; only the last segment is the name.
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var kept = new StringBuilder();
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            kept.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '(' or ')' ? c : c is ' ' ? ' ' : '_');
        }

        var stem = kept.ToString().Trim().TrimStart('.').Trim();
        if (stem.EndsWith(extension, StringComparison.OrdinalIgnoreCase) || (extension == ".jpg" && stem.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)))
        {
            stem = stem[..stem.LastIndexOf('.')];
        }

        stem = stem.TrimEnd('.', ' ');
        if (stem.Length == 0)
        {
            stem = "document";
        }

        return stem[..Math.Min(stem.Length, MaxLength - extension.Length)] + extension;
    }
}
