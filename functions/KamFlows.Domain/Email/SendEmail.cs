using System.Text.Json.Serialization;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Email;

/// <summary>
/// Send one email from a template, in the recipient's language. Performed once per effect id as far
/// as the app can tell (a crash between SendGrid's answer and the sent-marker sends it twice).
/// <para>
/// Ids only: the recipient, the account and the documents are named by id and resolved when the
/// email is written, so process state never holds a name or an address (erasure finds nothing
/// there). <paramref name="Values"/> are the template's other fields (links, dates, numbers): no
/// personal data in them.
/// </para>
/// </summary>
/// <param name="Template">The template's name, e.g. "documents" (files <c>Email/Templates/{name}.{language}.txt</c> of the app).</param>
/// <param name="Category">Reminders follow the recipient's notification preference; the rest go at once.</param>
/// <param name="DocumentIds">Dossier documents of <paramref name="AccountId"/>: attached up to the size limit, linked beyond it.</param>
/// <param name="BounceEvent">The command (JSON type discriminator) the process receives when the email bounces, is dropped or reported as spam, with the properties <c>effectId</c> and <c>reason</c>; from the system.</param>
public sealed record SendEmail(
    string Template,
    EmailRecipient To,
    NotificationCategory Category,
    IReadOnlyDictionary<string, string>? Values = null,
    string? AccountId = null,
    IReadOnlyList<string>? DocumentIds = null,
    string? BounceEvent = null) : Effect
{
    public const string KindName = "email.send";

    public override string Kind => KindName;

    /// <summary>
    /// A user the email is written on behalf of (a KAM's proposal): it goes from the configured sender
    /// address under that user's name, and replies go to the user. Null: from the app.
    /// </summary>
    public string? FromUserId { get; init; }
}

/// <summary>Whom an email goes to: a KamFlows user, or a contact of an account's decision-making group.</summary>
public sealed record EmailRecipient(string? UserId, string? AccountId, string? ContactId)
{
    public static EmailRecipient User(string userId) => new(userId, null, null);

    public static EmailRecipient Contact(string accountId, string contactId) => new(null, accountId, contactId);

    [JsonIgnore]
    public bool IsUser => UserId is not null;

    /// <summary>
    /// A contact as one string, where an id must be one (a link's recipient, a member of a process's
    /// party): "{account}:{contact}". Not '/': table keys may not hold it, and the link rows' keys hold this.
    /// </summary>
    public static string ContactKey(string accountId, string contactId) => $"{accountId}:{contactId}";

    /// <summary>The contact a <see cref="ContactKey"/> names; null when it names none.</summary>
    public static EmailRecipient? FromContactKey(string key) => key.Split(':') is [{ Length: > 0 } account, { Length: > 0 } contact] ? Contact(account, contact) : null;
}

/// <summary>What an email is for, which decides whether it may wait for the daily digest.</summary>
public enum NotificationCategory
{
    /// <summary>A message that goes at once (to a customer contact, a confirmation).</summary>
    Message,

    /// <summary>A reminder: immediate or in the 08:00 digest, as the user chose.</summary>
    Reminder,

    /// <summary>Something stalled and escalated: always immediate.</summary>
    Escalation,

    /// <summary>A decision is asked for: always immediate.</summary>
    ApprovalRequest,
}
