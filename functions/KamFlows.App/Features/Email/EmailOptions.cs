using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Email;

/// <summary>What every email shares: the sender, the attachment limit, how long an emailed download link lives.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender; its domain must be authenticated in SendGrid. Needed whenever SendGrid sends.</summary>
    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "KamFlows";

    /// <summary>Documents are attached while they fit in this many bytes together; the rest go as download links.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long an emailed download link works (a user-delegation signature lives at most seven days).</summary>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromDays(6);
}

/// <summary>SendGrid: the API key (none: the development mailbox, in Development only), and the Event Webhook's verification key.</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    public string? ApiKey { get; set; }

    /// <summary>Where the SDK sends (tests point it at a local capture server); empty: SendGrid itself.</summary>
    public string? Host { get; set; }

    /// <summary>The Event Webhook's verification key (base64 of the ECDSA P-256 public key, as SendGrid shows it). None: the webhook refuses every post.</summary>
    public string? WebhookPublicKey { get; set; }

    public bool SendsForReal => !string.IsNullOrWhiteSpace(ApiKey);
}

internal sealed class SendGridOptionsValidator(IHostEnvironment environment) : IValidateOptions<SendGridOptions>
{
    public ValidateOptionsResult Validate(string? name, SendGridOptions options)
    {
        var failures = new List<string>();
        if (!options.SendsForReal && !environment.IsDevelopment())
        {
            failures.Add("SendGrid:ApiKey is required outside Development: without it emails would only reach the development mailbox.");
        }

        if (!string.IsNullOrWhiteSpace(options.Host) && !(Uri.TryCreate(options.Host, UriKind.Absolute, out var host) && host.Scheme is "http" or "https"))
        {
            failures.Add("SendGrid:Host must be an absolute http(s) address, or empty for SendGrid itself.");
        }

        if (!string.IsNullOrWhiteSpace(options.WebhookPublicKey) && !WebhookKeys.IsEcdsaPublicKey(options.WebhookPublicKey))
        {
            failures.Add("SendGrid:WebhookPublicKey must be the Event Webhook's verification key: the base64 ECDSA public key SendGrid shows.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal sealed class EmailOptionsValidator(IOptions<SendGridOptions> sendGrid) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (sendGrid.Value.SendsForReal && !IsAddress(options.FromAddress))
        {
            failures.Add("Email:FromAddress must be the sender's email address (in a domain authenticated in SendGrid).");
        }

        if (options.MaxAttachmentBytes is < 0 or > 20 * 1024 * 1024)
        {
            failures.Add("Email:MaxAttachmentBytes must be between 0 and 20 MiB (SendGrid takes 30 MB a message, base64 included).");
        }

        if (options.DownloadLinkLifetime < TimeSpan.FromHours(1) || options.DownloadLinkLifetime > TimeSpan.FromDays(6.5))
        {
            failures.Add("Email:DownloadLinkLifetime must be between one hour and six and a half days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAddress(string? value) => !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out _);
}

internal static class WebhookKeys
{
    public static bool IsEcdsaPublicKey(string base64)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64.Trim()), out _);
            return true;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
