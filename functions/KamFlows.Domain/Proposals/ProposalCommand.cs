using System.Text.Json.Serialization;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Proposals;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Submit), "submit")]
[JsonDerivedType(typeof(ConfirmReceipt), "confirm-receipt")]
[JsonDerivedType(typeof(RecordCall), "record-call")]
[JsonDerivedType(typeof(CallTaskDone), "call-task-done")]
[JsonDerivedType(typeof(AgreeNextSteps), "agree-next-steps")]
[JsonDerivedType(typeof(Extend), "extend")]
[JsonDerivedType(typeof(RecordOutcome), "record-outcome")]
[JsonDerivedType(typeof(Cancel), "cancel")]
[JsonDerivedType(typeof(Resend), "resend")]
[JsonDerivedType(typeof(Bounced), "bounced")]
[JsonDerivedType(typeof(AddressTaskDone), "address-task-done")]
public abstract record ProposalCommand
{
    /// <summary>
    /// The start, by the KAM (the app has checked the account is theirs and the contacts the
    /// account's). The parties are "kam" and "customer" (the contacts, as "{account}/{contact}");
    /// the calendars "kam" and "customer". <paramref name="Authority"/> is what version 2 needs to
    /// gate a discount above the KAM's limit; version 1 ignores it.
    /// </summary>
    public sealed record Submit(ProposalTerms Terms, ProposalTimings? Timings = null, DiscountAuthority? Authority = null) : ProposalCommand;

    /// <summary>The customer's click on "confirm receipt" (the link's POST, never its GET).</summary>
    public sealed record ConfirmReceipt : ProposalCommand;

    /// <summary>The KAM spoke to the customer about the proposal: receipt is confirmed.</summary>
    public sealed record RecordCall : ProposalCommand;

    /// <summary>The call task was completed (from the tasks feature): "reached" confirms receipt, "no-answer" calls again the next business day.</summary>
    public sealed record CallTaskDone(string TaskId, string Outcome, string CompletedByUserId) : ProposalCommand;

    /// <summary>Next steps: where the urgency comes from and the call or meeting agreed, at a time with the customer's offset.</summary>
    public sealed record AgreeNextSteps(UrgencyOrigin Urgency, MeetingKind Kind, DateTimeOffset At) : ProposalCommand;

    /// <summary>A new validity date: the validity reminder and the expiry are planned again.</summary>
    public sealed record Extend(DateOnly ValidUntil) : ProposalCommand;

    /// <summary>The customer's decision, as the KAM records it; a loss needs its reason.</summary>
    public sealed record RecordOutcome(ProposalOutcome Outcome, LossReason? Reason = null) : ProposalCommand;

    public sealed record Cancel : ProposalCommand;

    /// <summary>Email the proposal again (after correcting an address): new links, the old ones revoked.</summary>
    public sealed record Resend : ProposalCommand;

    /// <summary>The proposal email bounced, was dropped or reported as spam, or the contact has no address (from the email feature).</summary>
    public sealed record Bounced(string EffectId, string Reason) : ProposalCommand;

    /// <summary>The correct-the-address task was completed: "resent" emails the proposal again.</summary>
    public sealed record AddressTaskDone(string TaskId, string Outcome, string CompletedByUserId) : ProposalCommand;
}

/// <summary>
/// The KAM's discount authority and who decides beyond it, looked up by the app at submission: the
/// KAM's limit (on the user), the account's approving director and an alternate to escalate to,
/// with their calendars for the approval's reminders.
/// </summary>
public sealed record DiscountAuthority(
    decimal LimitPercent,
    string DirectorUserId,
    PartyCalendar DirectorCalendar,
    string AlternateUserId,
    PartyCalendar AlternateCalendar);
