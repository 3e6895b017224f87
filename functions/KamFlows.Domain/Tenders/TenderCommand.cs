using System.Text.Json.Serialization;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Tenders;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Register), "register")]
[JsonDerivedType(typeof(ChangeDate), "change-date")]
[JsonDerivedType(typeof(TickItem), "tick-item")]
[JsonDerivedType(typeof(ItemDone), ItemDoneEvent)]
[JsonDerivedType(typeof(CoverageFound), "coverage-found")]
[JsonDerivedType(typeof(RecordOutcome), "record-outcome")]
[JsonDerivedType(typeof(Cancel), "cancel")]
public abstract record TenderCommand
{
    /// <summary>The completion event of every task the process gives: the tasks feature sends it with the task's kind.</summary>
    public const string ItemDoneEvent = "item-done";

    /// <summary>
    /// The start, sent by the app once it has checked the tender (the system): ids and dates only (the
    /// tender record itself is kept by the app); the account's time zone says what "today" is. The parties are "kam", "head" (the business unit's head
    /// of KAM) and "director"; <paramref name="HeadCalendar"/> and <paramref name="DirectorCalendar"/> are
    /// handed to their approval requests. <paramref name="Link"/> is where the emails point.
    /// </summary>
    public sealed record Register(
        string TenderId,
        string AccountId,
        string AccountTimeZone,
        string Reference,
        DateOnly TenderDate,
        BidCriteria Criteria,
        TenderTimings Timings,
        PartyCalendar HeadCalendar,
        PartyCalendar DirectorCalendar,
        string? Link = null) : TenderCommand;

    /// <summary>The tender date moved (or the buyer postponed it): the rest of the schedule is planned again.</summary>
    public sealed record ChangeDate(DateOnly TenderDate, bool Postponed = false) : TenderCommand;

    /// <summary>The KAM ticks one item of an open milestone's checklist.</summary>
    public sealed record TickItem(string Milestone, string Item) : TenderCommand;

    /// <summary>A task the process gave was completed (from the tasks feature, with the task's kind).</summary>
    public sealed record ItemDone(string TaskId, string Outcome, string CompletedByUserId, string? TaskKind = null) : TenderCommand;

    /// <summary>What the app found in the dossier for a coverage check (sent back by <see cref="CheckBuyingGroupCoverage"/>).</summary>
    public sealed record CoverageFound(string Check, IReadOnlyList<BuyingGroupMember> Members) : TenderCommand;

    /// <summary>The tender's result: won or lost (after the submission), or called off by the buyer (at any time).</summary>
    public sealed record RecordOutcome(TenderResult Result, IReadOnlyList<string>? Reasons = null, string? Comment = null) : TenderCommand;

    /// <summary>We stop preparing the tender.</summary>
    public sealed record Cancel(string Reason) : TenderCommand;
}
