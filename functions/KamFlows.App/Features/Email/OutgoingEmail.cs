namespace KamFlows.App.Features.Email;

/// <summary>
/// One email ready to go. <see cref="Key"/> identifies it (the effect id, or the digest's key);
/// <see cref="Tags"/> travel with it to SendGrid (custom args) and come back on its events: ids
/// only (the process, the effect, the recipient), never personal data.
/// </summary>
public sealed record OutgoingEmail(
    string Key,
    Addressee To,
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<EmailAttachment> Attachments,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The name the email is from (a KAM writing to a customer); null: the configured sender name.</summary>
    public string? FromName { get; init; }

    /// <summary>Where replies go (the KAM); null: to the sender address.</summary>
    public Addressee? ReplyTo { get; init; }
}

public sealed record Addressee(string Address, string? Name);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>The way out for email: SendGrid, or in Development the development mailbox.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}

/// <summary>The custom args every email carries, so its events find their way back.</summary>
public static class EmailTags
{
    public const string Key = "kf_key";
    public const string Process = "kf_process";
    public const string Recipient = "kf_recipient";
    public const string BounceEvent = "kf_bounce_event";
}

/// <summary>SendGrid did not take the email; the effect stays pending and is retried.</summary>
public sealed class EmailNotSentException(string message) : Exception(message);
