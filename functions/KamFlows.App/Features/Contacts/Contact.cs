using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Contacts;

/// <summary>
/// A member of the customer's decision-making group: who they are, how to reach them, what part
/// they play in the decision and how they stand towards us. An erased contact stays as a tombstone
/// (id and "[erased]") so the log entries that refer to them still resolve. No time zone means the
/// account's: the contact is called in the account's business hours.
/// </summary>
public sealed record Contact(
    string Id,
    string AccountId,
    string Name,
    string? JobTitle,
    string? Email,
    string? Phone,
    string? Language,
    string? TimeZone,
    DecisionRole? Role,
    int? Influence,
    Attitude? Attitude,
    DateOnly? LastInteractionOn,
    bool Active,
    bool Erased)
{
    /// <summary>When an email to <see cref="Email"/> bounced, was dropped or reported as spam (SendGrid's webhook); cleared when the address changes.</summary>
    public DateTimeOffset? EmailBouncedAt { get; init; }

    /// <summary>The bounce mark stays while the address stays: an edit that keeps the email keeps it.</summary>
    public Contact KeepingBounceOf(Contact before) =>
        string.Equals(Email, before.Email, StringComparison.OrdinalIgnoreCase) ? this with { EmailBouncedAt = before.EmailBouncedAt } : this;

    public static Contact Tombstone(string id, string accountId) =>
        new(id, accountId, Domain.Accounts.Erased.Marker, null, null, null, null, null, null, null, null, null, Active: false, Erased: true);
}
