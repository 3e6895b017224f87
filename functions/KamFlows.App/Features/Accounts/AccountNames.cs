using System.Security.Claims;

namespace KamFlows.App.Features.Accounts;

/// <summary>
/// Accounts' names as one reader may see them, for one page or feed: a task, proposal or deal may
/// outlive its reader's place on the account team, so the name only to those who may see the account
/// (<see cref="AccountAccess"/>), else null. Each account is read once; make one per request, as
/// what the reader may see can change between requests.
/// </summary>
public sealed class AccountNames(AccountStore accounts, ClaimsPrincipal who)
{
    private readonly Dictionary<string, string?> _names = new(StringComparer.Ordinal);

    public async Task<string?> OfAsync(string? accountId, CancellationToken ct)
    {
        if (accountId is null)
        {
            return null;
        }

        if (!_names.TryGetValue(accountId, out var name))
        {
            name = _names[accountId] = await accounts.FindAsync(accountId, ct) is { } found && AccountAccess.Of(who, found) is not null ? found.Value.Name : null;
        }

        return name;
    }
}
