using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Email;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Email;

/// <summary>Whom an email reaches, looked up when it is written: no address means it cannot go.</summary>
/// <param name="Tag">The recipient by ids (<c>user:{id}</c> or <c>contact:{account}:{id}</c>): what the email's events carry back.</param>
public sealed record Recipient(string Tag, string? Address, string Name, string Language, string TimeZone, string? UserId, string? AccountId, string? ContactId);

/// <summary>Looks up users and contacts for email: address, name, language (a contact without one gets the account country's), time zone.</summary>
public sealed class Recipients(UserDirectory users, ContactStore contacts, AccountStore accounts)
{
    public async Task<Recipient> ResolveAsync(EmailRecipient to, CancellationToken ct)
    {
        if (to.UserId is { } userId)
        {
            var user = (await users.FindAsync(userId, ct))?.Value;
            return new Recipient(UserTag(userId), user is { Active: true } ? user.Email : null, user?.DisplayName ?? "", user?.Language ?? Languages.English,
                user?.TimeZone ?? "UTC", userId, null, null);
        }

        if (to is { AccountId: { } accountId, ContactId: { } contactId })
        {
            var account = (await accounts.FindAsync(accountId, ct))?.Value;
            var contact = (await contacts.FindAsync(accountId, contactId, ct))?.Value;
            var usable = contact is { Erased: false, Active: true };
            return new Recipient(ContactTag(accountId, contactId), usable ? contact!.Email : null, usable ? contact!.Name : "",
                contact?.Language ?? LanguageOf(account?.Country), contact?.TimeZone ?? account?.TimeZone ?? "UTC", null, accountId, contactId);
        }

        throw new InvalidOperationException("An email recipient is a user or an account's contact.");
    }

    public static string UserTag(string userId) => "user:" + userId;

    public static string ContactTag(string accountId, string contactId) => $"contact:{accountId}:{contactId}";

    private static string LanguageOf(string? country) => country switch
    {
        "BR" => Languages.PortugueseBrazil,
        "PT" => Languages.PortuguesePortugal,
        _ => Languages.English,
    };
}
