using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Email;

/// <summary>A template written out for one recipient: the subject, the HTML of the body (no page around it), the plain text.</summary>
public sealed record RenderedEmail(string Subject, string HtmlBody, string Text);

/// <summary>
/// The email templates: one file per template and language (<c>Templates/{name}.{language}.email</c>,
/// embedded in the app): a <c>Subject:</c> line, then the plain text, then the HTML body, the parts
/// separated by lines of <c>---</c>. <c>{{name}}</c> is a value, HTML-escaped in the HTML part;
/// <c>{{{name}}}</c> is a block the app renders itself (a list of documents), already safe.
/// A language without its own file falls back to English.
/// </summary>
public sealed partial class EmailTemplates
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly Dictionary<(string Name, string Language), string[]> _templates = [];

    public EmailTemplates()
    {
        var assembly = typeof(EmailTemplates).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("email/", StringComparison.Ordinal)))
        {
            var file = resource["email/".Length..^".email".Length]; // "documents.pt-BR"
            var dot = file.IndexOf('.', StringComparison.Ordinal);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var parts = Separator().Split(reader.ReadToEnd().ReplaceLineEndings("\n"));
            if (parts.Length != 3 || !parts[0].StartsWith("Subject:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Email template {resource} must be a Subject: line, the text and the HTML, separated by lines of ---.");
            }

            _templates[(file[..dot], file[(dot + 1)..])] = [parts[0]["Subject:".Length..].Trim(), parts[1].Trim(), parts[2].Trim()];
        }
    }

    public bool Exists(string name) => _templates.ContainsKey((name, Languages.English));

    public RenderedEmail Render(string name, string? language, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, (string Html, string Text)> blocks)
    {
        var parts = _templates.GetValueOrDefault((name, language ?? Languages.English))
            ?? _templates.GetValueOrDefault((name, Languages.English))
            ?? throw new InvalidOperationException($"There is no email template '{name}'.");
        var subject = Fill(name, parts[0], values, blocks, v => v, b => b.Text);
        return new RenderedEmail(
            string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)),
            Fill(name, parts[2], values, blocks, Html.Encode, b => b.Html),
            Fill(name, parts[1], values, blocks, v => v, b => b.Text));
    }

    /// <summary>The whole HTML document around a body, in the recipient's language.</summary>
    public static string Document(string? language, string subject, string htmlBody) =>
        $"<!DOCTYPE html>\n<html lang=\"{Html.Encode(language ?? Languages.English)}\">\n<head><meta charset=\"utf-8\"><title>{Html.Encode(subject)}</title></head>\n<body style=\"font-family:sans-serif;line-height:1.5\">\n{htmlBody}\n</body>\n</html>\n";

    public static string Encode(string value) => Html.Encode(value);

    private static string Fill(
        string name, string text, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, (string Html, string Text)> blocks,
        Func<string, string> encode, Func<(string Html, string Text), string> block) =>
        Placeholder().Replace(text, m =>
        {
            var key = m.Groups["name"].Value;
            if (m.Groups["block"].Success)
            {
                return blocks.TryGetValue(key, out var b) ? block(b) : throw new InvalidOperationException($"Email template '{name}' needs the block '{key}'.");
            }

            return values.TryGetValue(key, out var v) ? encode(v) : throw new InvalidOperationException($"Email template '{name}' needs the value '{key}'.");
        });

    [GeneratedRegex(@"^---\s*$", RegexOptions.Multiline)]
    private static partial Regex Separator();

    [GeneratedRegex(@"(?<block>\{\{\{(?<name>[A-Za-z0-9_]+)\}\}\})|\{\{(?<name>[A-Za-z0-9_]+)\}\}")]
    private static partial Regex Placeholder();
}
