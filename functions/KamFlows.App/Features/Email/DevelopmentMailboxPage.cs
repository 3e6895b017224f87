using System.Text;
using System.Text.RegularExpressions;

namespace KamFlows.App.Features.Email;

/// <summary>
/// <c>GET /dev/mailbox</c> (Development only): the development mailbox as one page, newest first.
/// Everything shown is HTML-escaped; the links of each email are listed as real links; each email's
/// HTML is shown in a sandboxed frame (no scripts, no forms, its own links open in a new tab).
/// </summary>
public static partial class DevelopmentMailboxPage
{
    public static IEndpointRouteBuilder MapDevelopmentMailbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("dev/mailbox", Show).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<ContentHttpResult> Show(DevelopmentMailbox mailbox, HttpResponse response, CancellationToken ct)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Development mailbox</title>\n<style>body{font-family:sans-serif;margin:1rem;max-width:60rem}article{border:1px solid #ccc;border-radius:.4rem;padding:.8rem;margin:1rem 0}")
            .Append("iframe{width:100%;height:22rem;border:1px solid #ddd}dt{font-weight:bold}</style></head>\n<body>\n<h1>Development mailbox</h1>\n");
        var messages = await mailbox.ListAsync(200, ct);
        if (messages.Count == 0)
        {
            page.Append("<p>No email yet.</p>\n");
        }

        foreach (var message in messages)
        {
            var body = await mailbox.BodyAsync(message.Id, ct);
            page.Append("<article>\n<h2>").Append(E(message.Subject)).Append("</h2>\n<dl>")
                .Append("<dt>To</dt><dd>").Append(E(message.ToName is { Length: > 0 } name ? $"{name} <{message.To}>" : message.To)).Append("</dd>")
                .Append(message.FromName is { } from ? $"<dt>From</dt><dd>{E(from)}</dd>" : "")
                .Append(message.ReplyTo is { } replyTo ? $"<dt>Reply-To</dt><dd>{E(replyTo)}</dd>" : "")
                .Append("<dt>Sent</dt><dd>").Append(E(message.SentAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))).Append("</dd>");
            if (message.Attachments.Count > 0)
            {
                page.Append("<dt>Attachments</dt><dd>").Append(E(string.Join(", ", message.Attachments))).Append("</dd>");
            }

            var hrefs = body is { } b ? Links(b.Html) : [];
            if (hrefs.Count > 0)
            {
                page.Append("<dt>Links</dt><dd><ul>");
                foreach (var href in hrefs)
                {
                    page.Append("<li><a href=\"").Append(E(href)).Append("\" target=\"_blank\" rel=\"noopener noreferrer\">").Append(E(href)).Append("</a></li>");
                }

                page.Append("</ul></dd>");
            }

            page.Append("</dl>\n");
            if (body is { } shown)
            {
                page.Append("<iframe title=\"").Append(E(message.Subject)).Append("\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"")
                    .Append(E(Regex.Replace(shown.Html, "<head>", "<head><base target=\"_blank\">", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1))))
                    .Append("\"></iframe>\n<details><summary>Plain text</summary><pre>").Append(E(shown.Text)).Append("</pre></details>\n");
            }

            page.Append("</article>\n");
        }

        page.Append("</body>\n</html>\n");
        response.Headers.CacheControl = "no-store";
        response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; frame-ancestors 'none'";
        response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(page.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>The targets of an email's links, decoded (the page encodes them again where it shows them).</summary>
    private static List<string> Links(string html) => Href().Matches(html)
        .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
        .Where(h => h.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || h.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        .Distinct()
        .ToList();

    private static string E(string value) => EmailTemplates.Encode(value);

    [GeneratedRegex("<a\\s[^>]*href=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
