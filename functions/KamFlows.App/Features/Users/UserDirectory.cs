using Azure;
using Azure.Data.Tables;
using KamFlows.App.Http;
using KamFlows.App.Storage;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Users;

/// <summary>
/// Users in the organisation table. A user row (<c>id|{id}</c>) and its email row
/// (<c>email|{email}</c>) share one partition, so they are written in one transaction and an email
/// can never belong to two users. A department has hundreds of users, so one partition is plenty.
/// </summary>
public sealed class UserDirectory(StorageClients storage)
{
    private const string Partition = "user";
    private const string IdPrefix = "id|";
    private const string EmailPrefix = "email|";
    private readonly TableClient _table = storage.Table(StorageLayout.OrganisationTable);

    public async Task<Versioned<User>?> FindAsync(string id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, IdPrefix + id, cancellationToken: ct);
        return row.HasValue ? new Versioned<User>(ToUser(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>
    /// What sign-in needs (id, roles, active, language), from the email row alone: one read per request. The
    /// email row is rewritten in the same transaction as the user row, so the two never disagree.
    /// </summary>
    public async Task<SignIn?> FindSignInAsync(string email, CancellationToken ct)
    {
        var index = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, EmailKey(email), cancellationToken: ct);
        if (!index.HasValue)
        {
            return null;
        }

        var row = index.Value!;
        if (row.GetString("Roles") is { } roles && row.GetString("Language") is { } language)
        {
            return new SignIn(row.GetString("UserId"), ParseRoles(roles), row.GetBoolean("Active") ?? false, language);
        }

        // A row written before the email row carried roles and language: read the user.
        return await FindAsync(row.GetString("UserId"), ct) is { } user ? new SignIn(user.Value.Id, user.Value.Roles, user.Value.Active, user.Value.Language) : null;
    }

    public Task<PagedList<User>> ListAsync(string? continuation, int pageSize, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {IdPrefix} and RowKey lt {"id}"}");
        return Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: ct), continuation, pageSize, ToUser, ct);
    }

    /// <summary>Creates the user; <see cref="EmailTakenException"/> when another user has the email.</summary>
    public async Task<Versioned<User>> CreateAsync(User user, CancellationToken ct)
    {
        try
        {
            var answer = await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, ToRow(user)),
                new TableTransactionAction(TableTransactionActionType.Add, EmailRow(user)),
            ], ct);
            return new Versioned<User>(user, answer.Value[0].Headers.ETag!.Value);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            throw new EmailTakenException();
        }
    }

    /// <summary>Replaces the user if it is still at <paramref name="ifMatch"/>; moves the email row when the email changes.</summary>
    public async Task<ETag> UpdateAsync(User before, User after, ETag ifMatch, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToRow(after), ifMatch),
        };
        if (EmailKey(before.Email) != EmailKey(after.Email))
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(Partition, EmailKey(before.Email)), ETag.All));
            actions.Add(new(TableTransactionActionType.Add, EmailRow(after)));
        }
        else
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, EmailRow(after)));
        }

        try
        {
            var answer = await _table.SubmitTransactionAsync(actions, ct);
            return answer.Value[0].Headers.ETag!.Value;
        }
        catch (TableTransactionFailedException e) when (e.Status == 412 || (e.Status == 404 && e.FailedTransactionActionIndex == 0))
        {
            throw new ConcurrencyConflictException();
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            throw new EmailTakenException();
        }
    }

    private static string EmailKey(string email) => EmailPrefix + email.Trim().ToLowerInvariant();

    private static TableEntity EmailRow(User user) => new(Partition, EmailKey(user.Email))
    {
        ["UserId"] = user.Id,
        ["Roles"] = string.Join(',', user.Roles),
        ["Active"] = user.Active,
        ["Language"] = user.Language,
    };

    private static List<Role> ParseRoles(string roles) => roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>).ToList();

    private static TableEntity ToRow(User user) => new(Partition, IdPrefix + user.Id)
    {
        ["Email"] = user.Email,
        ["DisplayName"] = user.DisplayName,
        ["Roles"] = string.Join(',', user.Roles),
        ["Country"] = user.Country,
        ["Region"] = user.Region,
        ["TimeZone"] = user.TimeZone,
        ["Language"] = user.Language,
        ["BusinessUnit"] = user.BusinessUnit,
        ["DiscountLimitPercent"] = (double)user.DiscountLimitPercent,
        ["Active"] = user.Active,
        ["EmailBouncedAt"] = user.EmailBouncedAt,
    };

    private static User ToUser(TableEntity row) => new(
        row.RowKey[IdPrefix.Length..],
        row.GetString("Email"),
        row.GetString("DisplayName"),
        ParseRoles(row.GetString("Roles")),
        row.GetString("Country"),
        row.GetString("Region"),
        row.GetString("TimeZone"),
        row.GetString("Language"),
        row.GetString("BusinessUnit"),
        (decimal)(row.GetDouble("DiscountLimitPercent") ?? 0),
        row.GetBoolean("Active") ?? false)
    {
        EmailBouncedAt = row.GetDateTimeOffset("EmailBouncedAt"),
    };

    /// <summary>Marks the user's email bounced, if <paramref name="address"/> is still their address.</summary>
    public async Task MarkEmailBouncedAsync(string userId, string address, DateTimeOffset at, CancellationToken ct)
    {
        if (await FindAsync(userId, ct) is { } found && string.Equals(found.Value.Email, address, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await _table.UpdateEntityAsync(new TableEntity(Partition, IdPrefix + userId) { ["EmailBouncedAt"] = at }, found.ETag, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // changed meanwhile: the mark no longer applies
            }
        }
    }
}

/// <summary>Who a signed-in email is in KamFlows.</summary>
public sealed record SignIn(string UserId, IReadOnlyList<Role> Roles, bool Active, string Language);

public sealed class EmailTakenException() : Exception("Another user has this email.");

public sealed class ConcurrencyConflictException() : Exception("The record changed since it was read.");
