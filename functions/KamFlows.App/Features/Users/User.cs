using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Users;

/// <summary>
/// A person who signs in to KamFlows, with what the business calendar and emails need to know of them.
/// The business unit is optional: a director may serve several, and a unit is created after its people.
/// </summary>
public sealed record User(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<Role> Roles,
    string Country,
    string? Region,
    string TimeZone,
    string Language,
    string? BusinessUnit,
    decimal DiscountLimitPercent,
    bool Active)
{
    /// <summary>When an email to <see cref="Email"/> bounced, was dropped or reported as spam (SendGrid's webhook); cleared when the address changes.</summary>
    public DateTimeOffset? EmailBouncedAt { get; init; }

    /// <summary>The bounce mark stays while the address stays.</summary>
    public User KeepingBounceOf(User before) =>
        string.Equals(Email, before.Email, StringComparison.OrdinalIgnoreCase) ? this with { EmailBouncedAt = before.EmailBouncedAt } : this;

    public bool HasRole(Role role) => Roles.Contains(role);
}
