namespace KamFlows.Domain.Approvals;

/// <summary>Why a request may not be routed to a delegate.</summary>
public enum DelegationRefusal
{
    /// <summary>The delegate is the approver: there is no one to delegate to.</summary>
    DelegateIsTheApprover,

    /// <summary>The delegate asked for this approval: no one approves their own request.</summary>
    DelegateIsTheRequester,
}

/// <summary>
/// No one decides their own request: a delegate is never the person who asked for the approval, and
/// the approver and the alternate never either. The approval process applies this rule when it
/// starts and when a delegation changes (it keeps the request with the approver and records why);
/// the delegation API asks the same rule before it routes anything.
/// </summary>
public static class DelegationRule
{
    /// <summary>Why <paramref name="delegateUserId"/> may not decide for <paramref name="approverUserId"/> on a request of <paramref name="requesterUserId"/>, or null when they may.</summary>
    public static DelegationRefusal? Check(string delegateUserId, string approverUserId, string? requesterUserId) =>
        Same(delegateUserId, approverUserId) ? DelegationRefusal.DelegateIsTheApprover
        : requesterUserId is not null && IsOwnRequest(delegateUserId, requesterUserId) ? DelegationRefusal.DelegateIsTheRequester
        : null;

    /// <summary>Whether <paramref name="userId"/> is the one who asked: then they may not decide, in any capacity.</summary>
    public static bool IsOwnRequest(string userId, string requesterUserId) => Same(userId, requesterUserId);

    // Ignoring case errs on the side of refusing: the same directory id written in two cases is one person.
    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
