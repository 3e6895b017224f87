using System.Globalization;
using System.Text;
using KamFlows.App.Work;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Email;

namespace KamFlows.App.Features.Email;

/// <summary>
/// Sends a user's digest when its wake-up fires (08:00 on their clock): every waiting reminder,
/// written in full (documents as links), in one email keyed by user and due time, so a second firing
/// sends nothing new. Reminders are removed only after the digest went, and only those it held.
/// </summary>
internal sealed partial class DigestSender(
    DigestInbox inbox, Recipients recipients, EmailTemplates templates, Postman postman, DueTimers dueTimers, TimeProvider clock, ILogger<DigestSender> logger)
    : IWorkItemHandler
{
    public string Kind => DigestInbox.WorkKind;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var userId = item.Id;
        var entries = await inbox.ListAsync(userId, cancellationToken);
        if (entries.Count > 0)
        {
            await SendAsync(userId, item.At ?? clock.GetUtcNow(), entries, cancellationToken);
        }

        if (item.FiredFrom is { } row)
        {
            await dueTimers.ClearAsync(row, cancellationToken);
        }
    }

    private async Task SendAsync(string userId, DateTimeOffset dueAt, IReadOnlyList<DigestEntry> entries, CancellationToken ct)
    {
        var to = await recipients.ResolveAsync(EmailRecipient.User(userId), ct);
        if (to.Address is not null)
        {
            var html = new StringBuilder();
            var text = new StringBuilder();
            foreach (var entry in entries)
            {
                var composition = await postman.ComposeAsync(entry.Email, to, linksOnly: true, ct);
                var item = templates.Render(entry.Email.Template, to.Language, composition.Values, composition.Blocks);
                html.Append(CultureInfo.InvariantCulture, $"<section><h2>{EmailTemplates.Encode(item.Subject)}</h2>\n{item.HtmlBody}\n</section>\n");
                text.Append(CultureInfo.InvariantCulture, $"== {item.Subject} ==\n{item.Text}\n\n");
            }

            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(to.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            var values = new Dictionary<string, string>
            {
                ["recipientName"] = to.Name,
                ["date"] = WallClock.DateOf(dueAt, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var digest = templates.Render("digest", to.Language, values, new Dictionary<string, (string Html, string Text)> { ["items"] = (html.ToString(), text.ToString().TrimEnd()) });
            await postman.DeliverAsync($"digest|{userId}|{dueAt.UtcTicks}", "digest", to, digest, [], null, null, ct);
            LogSent(logger, userId, entries.Count);
        }
        else
        {
            LogNoAddress(logger, userId, entries.Count);
        }

        foreach (var entry in entries)
        {
            await inbox.RemoveAsync(userId, entry, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of user {UserId} sent with {Count} reminders")]
    private static partial void LogSent(ILogger logger, string userId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest of user {UserId} dropped {Count} reminders: the user is inactive or unknown")]
    private static partial void LogNoAddress(ILogger logger, string userId, int count);
}
