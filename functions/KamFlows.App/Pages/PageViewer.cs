using System.Security.Claims;
using KamFlows.App.Features.Users;
using KamFlows.App.Security;

namespace KamFlows.App.Pages;

/// <summary>Who is reading a page: their user record (none for a bootstrap administrator without one) and their clock.</summary>
public sealed record PageViewer(ClaimsPrincipal Principal, User? User, PageClock Clock)
{
    public string? UserId => User?.Id;
}

/// <summary>Reads the <see cref="PageViewer"/> of a request: one read of the users table.</summary>
public sealed class PageViewers(UserDirectory users, TimeProvider clock)
{
    public async Task<PageViewer> ReadAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = principal.KamFlowsUserId() is { } id ? (await users.FindAsync(id, ct))?.Value : null;
        return new PageViewer(principal, user, PageClock.Of(user?.TimeZone, clock.GetUtcNow()));
    }
}
