using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Accounts;

/// <summary>
/// Checks the people an account names against the users table (the team are active KAMs, the
/// approvers active directors) and fills in the approvers from the business unit when left out.
/// </summary>
public sealed class AccountStaffing(UserDirectory users, BusinessUnitCatalog units)
{
    public sealed record Approvers(string DirectorUserId, string? AlternateDirectorUserId);

    /// <summary>The approvers to store, or the wrong fields by name.</summary>
    public async Task<(Approvers? Approvers, Dictionary<string, string[]> Errors)> CheckAsync(AccountInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unit = (await units.FindAsync(input.BusinessUnit!, ct))?.Value;
        if (unit is null)
        {
            errors["businessUnit"] = [$"There is no business unit '{input.BusinessUnit}'."];
            return (null, errors);
        }

        var director = string.IsNullOrWhiteSpace(input.DirectorUserId) ? unit.DirectorUserId : input.DirectorUserId;
        var alternate = string.IsNullOrWhiteSpace(input.DirectorUserId) && string.IsNullOrWhiteSpace(input.AlternateDirectorUserId)
            ? unit.AlternateDirectorUserId
            : (string.IsNullOrWhiteSpace(input.AlternateDirectorUserId) ? null : input.AlternateDirectorUserId);

        await RequireAsync(errors, "ownerUserId", input.OwnerUserId!, Role.Kam, ct);
        foreach (var coKam in input.CoKamUserIds ?? [])
        {
            await RequireAsync(errors, "coKamUserIds", coKam, Role.Kam, ct);
        }

        await RequireAsync(errors, "directorUserId", director, Role.Director, ct);
        if (alternate is not null)
        {
            await RequireAsync(errors, "alternateDirectorUserId", alternate, Role.Director, ct);
        }

        return (errors.Count == 0 ? new Approvers(director, alternate == director ? null : alternate) : null, errors);
    }

    /// <summary>Whether a user may own an account: active, with the KAM role.</summary>
    public async Task<string?> CheckKamAsync(string userId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        await RequireAsync(errors, "newOwnerUserId", userId, Role.Kam, ct);
        return errors.Values.SelectMany(e => e).FirstOrDefault();
    }

    private async Task RequireAsync(Dictionary<string, string[]> errors, string field, string userId, Role role, CancellationToken ct)
    {
        var user = (await users.FindAsync(userId, ct))?.Value;
        var problem = user is null || !user.Active ? $"There is no active user '{userId}'."
            : !user.HasRole(role) ? $"User '{userId}' does not have the role {role}."
            : null;
        if (problem is not null)
        {
            errors[field] = [.. errors.GetValueOrDefault(field) ?? [], problem];
        }
    }
}
