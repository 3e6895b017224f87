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
    public bool HasRole(Role role) => Roles.Contains(role);
}
