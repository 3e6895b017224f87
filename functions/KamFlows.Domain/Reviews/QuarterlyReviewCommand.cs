using System.Text.Json.Serialization;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Reviews;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Open), "open")]
[JsonDerivedType(typeof(Submit), "submit")]
public abstract record QuarterlyReviewCommand
{
    /// <summary>
    /// The start, sent by the quarter's fan-out (the system): whose plan, which quarter, the package.
    /// The KAM, the head of KAM, the approving director and the alternate are the instance's parties
    /// ("kam", "head", "director", "alternate"); the calendars of the director and the alternate come
    /// along because the approval request of each round is started with them.
    /// </summary>
    public sealed record Open(
        string AccountId,
        string Quarter,
        ReviewPackage Package,
        PartyCalendar DirectorCalendar,
        PartyCalendar AlternateCalendar,
        ReviewTimings? Timings = null) : QuarterlyReviewCommand;

    /// <summary>
    /// The KAM submitted the plan as version <paramref name="PlanVersion"/>; <paramref name="Sections"/> is
    /// its diff against the last approved version (<see cref="ReviewSections"/>). Who submitted is the sender.
    /// </summary>
    public sealed record Submit(int PlanVersion, IReadOnlyList<ApprovalSection> Sections) : QuarterlyReviewCommand;
}
