using System.Security.Claims;
using KamFlows.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;

namespace KamFlows.App.Security;

/// <summary>
/// Who may do what, in one place. Endpoints name a policy; none checks roles itself. Every endpoint
/// that names nothing gets the fallback: a signed-in, active KamFlows member.
/// </summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string PeopleReaders = nameof(PeopleReaders);
    public const string AccountReassigners = nameof(AccountReassigners);
    public const string PlanApprovers = nameof(PlanApprovers);
    public const string PortfolioReaders = nameof(PortfolioReaders);
    public const string PortfolioManagers = nameof(PortfolioManagers);

    public const string ProcessOverseers = nameof(ProcessOverseers);

    /// <summary>Pages: an active member signed in with the page cookie (never a bearer token, which pages do not read).</summary>
    public const string Pages = nameof(Pages);

    /// <summary>Those who see every process (the processes board, any process's status): administrators, heads of KAM and directors.</summary>
    public static bool OverseesProcesses(ClaimsPrincipal user) => user.Has(Role.Admin) || user.Has(Role.HeadOfKam) || user.Has(Role.Director);

    public static AuthorizationBuilder AddKamFlowsPolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(KamFlowsClaims.Member).Build())
        .AddPolicy(Admin, p => p.RequireClaim(KamFlowsClaims.Member).RequireRole(nameof(Role.Admin)))
        // Heads of KAM re-assign accounts and escalate, so they see the people as well as administrators.
        .AddPolicy(PeopleReaders, p => p.RequireClaim(KamFlowsClaims.Member).RequireRole(nameof(Role.Admin), nameof(Role.HeadOfKam)))
        // Which account a KAM may touch is AccountAccess's rule; handing accounts over is for those who oversee them all.
        .AddPolicy(AccountReassigners, p => p.RequireClaim(KamFlowsClaims.Member).RequireRole(nameof(Role.Admin), nameof(Role.HeadOfKam)))
        .AddPolicy(Pages, p => p.AddAuthenticationSchemes(PageCookie.Scheme).RequireAuthenticatedUser().RequireClaim(KamFlowsClaims.Member))
        // Approving or rejecting a submitted account plan: the quarterly review's deciders.
        .AddPolicy(PlanApprovers, p => p.RequireClaim(KamFlowsClaims.Member).RequireRole(nameof(Role.Admin), nameof(Role.HeadOfKam), nameof(Role.Director)))
        // The whole portfolio's revenue and risks are for those who oversee all accounts, not for one account's KAM.
        .AddPolicy(PortfolioReaders, p => p.RequireClaim(KamFlowsClaims.Member).RequireRole(nameof(Role.Admin), nameof(Role.HeadOfKam), nameof(Role.Director)))
        .AddPolicy(ProcessOverseers, p => p.RequireClaim(KamFlowsClaims.Member).RequireAssertion(c => OverseesProcesses(c.User)))
        // Overriding a computed class, and applying the computed classes to the accounts.
        .AddPolicy(PortfolioManagers, p => p.RequireClaim(KamFlowsClaims.Member).RequireRole(nameof(Role.Admin), nameof(Role.HeadOfKam)));
}
