using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Approvals;

/// <summary>Why an approval email is sent.</summary>
public enum ApprovalEmailPurpose
{
    /// <summary>The first request, to the approver (or the approver's delegate).</summary>
    Request,

    /// <summary>Still undecided: to whoever holds the request now.</summary>
    Reminder,

    /// <summary>Still undecided after the escalation time: to the alternate.</summary>
    Escalation,

    /// <summary>The approver's delegation changed: to the new delegate (naming on whose behalf), or back to the approver.</summary>
    Rerouted,
}

/// <summary>
/// Email <paramref name="RecipientUserId"/> a link to decide the request. The app issues the link for
/// (instance, <paramref name="Step"/>, recipient), so a later email to the same recipient (a reminder)
/// revokes the earlier link, and sends the email. <paramref name="Step"/> is the same for every email of
/// a request (<see cref="ApprovalRequestDefinition.DecisionStep"/>): an approver's link still works
/// after escalation. <paramref name="OnBehalfOf"/> names the approver when the recipient decides for them.
/// </summary>
public sealed record ApprovalEmail(string RecipientUserId, ApprovalEmailPurpose Purpose, string Step, string? OnBehalfOf = null) : Effect
{
    public const string KindName = "approval.email";

    public override string Kind => KindName;
}
