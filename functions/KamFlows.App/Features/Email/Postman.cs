using System.Globalization;
using System.Text;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Dossiers;
using KamFlows.Domain.Email;
using KamFlows.Domain.Organisation;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Email;

/// <summary>What a template is filled with, and what goes along.</summary>
public sealed record Composition(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, (string Html, string Text)> Blocks,
    IReadOnlyList<EmailAttachment> Attachments);

/// <summary>
/// Performs <see cref="SendEmail"/>: looks up the recipient, lets a reminder wait for the user's
/// digest if they chose one, writes the template in the recipient's language with the documents
/// attached (up to the size limit) or linked, sends it once (see <see cref="SentEmails"/>), and
/// tells the process when there is no address to send to.
/// </summary>
public sealed partial class Postman(
    Recipients recipients,
    EmailTemplates templates,
    IMailer mailer,
    SentEmails sent,
    NotificationPreferences preferences,
    DigestInbox digests,
    AccountStore accounts,
    DocumentStore documents,
    DocumentLinks links,
    EmailProblems problems,
    IOptions<EmailOptions> options,
    ILogger<Postman> logger)
{
    public async Task SendAsync(SendEmail email, string key, string? processId, CancellationToken ct)
    {
        if (await sent.WasSentAsync(key, ct))
        {
            return;
        }

        var to = await recipients.ResolveAsync(email.To, ct);
        if (to.Address is null)
        {
            LogUndeliverable(logger, key, email.Template);
            await problems.ReportAsync(key, processId, email.BounceEvent, "no-address", ct);
            await sent.RecordAsync(key, email.Template, to.Tag, processId, "no-address", ct);
            return;
        }

        if (to.UserId is { } userId && NotificationRules.WaitsForDigest(email.Category, await preferences.RemindersAsync(userId, ct)))
        {
            await digests.AddAsync(userId, to.TimeZone, key, email, processId, ct);
            return;
        }

        var composition = await ComposeAsync(email, to, linksOnly: false, ct);
        var rendered = templates.Render(email.Template, to.Language, composition.Values, composition.Blocks);
        var from = email.FromUserId is { } fromUser ? await recipients.ResolveAsync(EmailRecipient.User(fromUser), ct) : null;
        await DeliverAsync(key, email.Template, to, rendered, composition.Attachments, processId, email.BounceEvent, ct,
            from is { Address: { } replyTo } ? new Addressee(replyTo, from.Name) : null);
    }

    /// <summary>The values (the process's, the recipient's name, the account's name) and the documents, attached or as links.</summary>
    public async Task<Composition> ComposeAsync(SendEmail email, Recipient to, bool linksOnly, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(email.Values ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["recipientName"] = to.Name,
        };
        if (email.AccountId is { } accountId && await accounts.FindAsync(accountId, ct) is { } account)
        {
            values["accountName"] = account.Value.Name;
        }

        var attachments = new List<EmailAttachment>();
        var html = new StringBuilder();
        var text = new StringBuilder();
        var room = linksOnly ? 0 : options.Value.MaxAttachmentBytes;
        foreach (var documentId in email.DocumentIds ?? [])
        {
            if (email.AccountId is null || await documents.FindAsync(email.AccountId, documentId, ct) is not { } document)
            {
                LogMissingDocument(logger, documentId);
                continue;
            }

            if (document.Size <= room)
            {
                room -= document.Size;
                await using var stream = await documents.OpenAsync(email.AccountId, documentId, ct);
                using var bytes = new MemoryStream();
                await stream.CopyToAsync(bytes, ct);
                attachments.Add(new EmailAttachment(document.FileName, document.ContentType, bytes.ToArray()));
                html.Append(CultureInfo.InvariantCulture, $"<li>{EmailTemplates.Encode(document.FileName)} ({Words.Attached(to.Language)})</li>");
                text.Append(CultureInfo.InvariantCulture, $"- {document.FileName} ({Words.Attached(to.Language)})\n");
            }
            else
            {
                var link = await links.CreateAsync(documents, email.AccountId, document, options.Value.DownloadLinkLifetime, ct);
                var until = TimeZoneInfo.ConvertTime(link.ExpiresAt, Zone(to.TimeZone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                html.Append(CultureInfo.InvariantCulture,
                    $"<li><a href=\"{EmailTemplates.Encode(link.Url.AbsoluteUri)}\">{EmailTemplates.Encode(document.FileName)}</a> ({Words.DownloadUntil(to.Language)} {until})</li>");
                text.Append(CultureInfo.InvariantCulture, $"- {document.FileName}: {link.Url.AbsoluteUri} ({Words.DownloadUntil(to.Language)} {until})\n");
            }
        }

        var blocks = new Dictionary<string, (string Html, string Text)>
        {
            ["documents"] = (html.Length == 0 ? "" : $"<ul>{html}</ul>", text.ToString().TrimEnd()),
        };
        return new Composition(values, blocks, attachments);
    }

    /// <summary>
    /// Sends a written email once per key, tagged so its events find the recipient and the process;
    /// written on behalf of <paramref name="onBehalfOf"/> (a KAM), it carries their name and takes their replies.
    /// </summary>
    public async Task DeliverAsync(
        string key, string template, Recipient to, RenderedEmail rendered, IReadOnlyList<EmailAttachment> attachments,
        string? processId, string? bounceEvent, CancellationToken ct, Addressee? onBehalfOf = null)
    {
        if (await sent.WasSentAsync(key, ct))
        {
            return;
        }

        var tags = new Dictionary<string, string> { [EmailTags.Key] = key, [EmailTags.Recipient] = to.Tag };
        if (processId is not null)
        {
            tags[EmailTags.Process] = processId;
        }

        if (bounceEvent is not null)
        {
            tags[EmailTags.BounceEvent] = bounceEvent;
        }

        await mailer.SendAsync(new OutgoingEmail(key, new Addressee(to.Address!, to.Name), rendered.Subject,
            EmailTemplates.Document(to.Language, rendered.Subject, rendered.HtmlBody), rendered.Text, attachments, tags)
        {
            FromName = onBehalfOf?.Name,
            ReplyTo = onBehalfOf,
        }, ct);
        await sent.RecordAsync(key, template, to.Tag, processId, "sent", ct);
        LogSent(logger, key, template);
    }

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The few words the app writes around documents itself.</summary>
    private static class Words
    {
        public static string Attached(string language) => language switch
        {
            Languages.PortugueseBrazil => "anexo",
            Languages.PortuguesePortugal => "em anexo",
            _ => "attached",
        };

        public static string DownloadUntil(string language) => language switch
        {
            Languages.PortugueseBrazil => "baixe até",
            Languages.PortuguesePortugal => "descarregue até",
            _ => "download until",
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Key} from template {Template} sent")]
    private static partial void LogSent(ILogger logger, string key, string template);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Key} from template {Template} has no address to go to")]
    private static partial void LogUndeliverable(ILogger logger, string key, string template);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} named by an email is not in the dossier; left out")]
    private static partial void LogMissingDocument(ILogger logger, string documentId);
}
