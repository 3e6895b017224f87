using System.Text.Json.Serialization;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Approvals;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Request), "request")]
[JsonDerivedType(typeof(Decide), "decide")]
[JsonDerivedType(typeof(Withdraw), "withdraw")]
[JsonDerivedType(typeof(DelegationChanged), "delegation-changed")]
public abstract record ApprovalCommand
{
    /// <summary>
    /// The start, sent by the parent (the system): what is to be approved, who asked, by when, and how
    /// soon to remind and escalate. The approver, alternate, requester and any current delegate are
    /// the instance's parties ("approver", "alternate", "requester", "approver.delegates").
    /// </summary>
    public sealed record Request(
        ApprovalSummary Summary,
        IReadOnlyList<ApprovalSection>? Sections,
        string RequesterUserId,
        DateTimeOffset? Deadline = null,
        ApprovalTimings? Timings = null) : ApprovalCommand;

    /// <summary>The approver's, a delegate's or (after escalation) the alternate's decision. Who decided is the authenticated sender, never a field.</summary>
    public sealed record Decide(ApprovalDecision Decision) : ApprovalCommand;

    /// <summary>The requester (or the parent) no longer needs a decision.</summary>
    public sealed record Withdraw : ApprovalCommand;

    /// <summary>
    /// Sent by the app when the approver's delegation starts (<paramref name="DelegateUserId"/>, with the
    /// delegate's calendar) or ends (null): the pending request is re-routed.
    /// </summary>
    public sealed record DelegationChanged(string? DelegateUserId, PartyCalendar? Calendar = null) : ApprovalCommand;
}
