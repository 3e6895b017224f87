using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace KamFlows.App.Features.Email;

/// <summary>
/// Sends through SendGrid's v3 mail/send with the official SDK. SendGrid has no idempotency key:
/// that a retried effect does not send twice is <see cref="SentEmails"/>' job.
/// </summary>
public sealed class SendGridMailer(ISendGridClient client, IOptions<EmailOptions> options) : IMailer
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var message = new SendGridMessage
        {
            // Always the authenticated sender address (SendGrid refuses others); a KAM's email shows the KAM's name and takes replies.
            From = new EmailAddress(options.Value.FromAddress, email.FromName ?? options.Value.FromName),
            Subject = email.Subject,
            PlainTextContent = email.Text,
            HtmlContent = email.Html,
        };
        message.AddTo(new EmailAddress(email.To.Address, email.To.Name));
        if (email.ReplyTo is { } replyTo)
        {
            message.ReplyTo = new EmailAddress(replyTo.Address, replyTo.Name);
        }

        message.AddGlobalCustomArgs(email.Tags.ToDictionary());
        foreach (var attachment in email.Attachments)
        {
            message.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType);
        }

        var answer = await client.SendEmailAsync(message, ct);
        if (!answer.IsSuccessStatusCode)
        {
            // The body may repeat the address: the status alone is reported.
            throw new EmailNotSentException($"SendGrid answered {(int)answer.StatusCode} to mail/send.");
        }
    }
}
