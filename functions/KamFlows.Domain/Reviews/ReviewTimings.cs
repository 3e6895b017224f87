using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Reviews;

/// <summary>
/// How long the KAM has for the review, in business days of the KAM's calendar: ten to submit when
/// it opens, five to revise after a rejection; reminders three business days before the due date and
/// on it, escalation to the head of KAM two business days after it.
/// </summary>
public sealed record ReviewTimings(
    int SubmitWithinBusinessDays = 10,
    int ReviseWithinBusinessDays = 5,
    int RemindBeforeDueBusinessDays = 3,
    int EscalateAfterDueBusinessDays = 2)
{
    public static ReviewTimings Default { get; } = new();

    /// <summary>Reminders and escalations come at the start of the KAM's day.</summary>
    public static readonly TimeOnly ChaseAt = new(9, 0);

    /// <summary>The task is due at the end of the KAM's day: it is overdue from then.</summary>
    public static readonly TimeOnly DueAt = new(17, 0);

    /// <summary>What is wrong with these timings, or null: a reminder before the due date and at least a business day to act.</summary>
    public string? Problem() =>
        SubmitWithinBusinessDays < 1 || ReviseWithinBusinessDays < 1 ? "The KAM has at least one business day."
        : RemindBeforeDueBusinessDays < 1 || RemindBeforeDueBusinessDays >= Math.Min(SubmitWithinBusinessDays, ReviseWithinBusinessDays) ? "The early reminder comes after the start and before the due date."
        : EscalateAfterDueBusinessDays < 1 ? "Escalation comes after the due date."
        : null;

    /// <summary>The wake-ups of a turn of the KAM that is due <paramref name="dueInBusinessDays"/> business days from now.</summary>
    public IReadOnlyList<WakeUpRequest> WakeUpsOf(int dueInBusinessDays, string party) =>
    [
        new(QuarterlyReviewDefinition.RemindBeforeWakeUp, new WakeTime.BusinessDaysLater(dueInBusinessDays - RemindBeforeDueBusinessDays, ChaseAt, party)),
        new(QuarterlyReviewDefinition.RemindOnDueWakeUp, new WakeTime.BusinessDaysLater(dueInBusinessDays, ChaseAt, party)),
        new(QuarterlyReviewDefinition.OverdueWakeUp, new WakeTime.BusinessDaysLater(dueInBusinessDays, DueAt, party)),
        new(QuarterlyReviewDefinition.EscalateWakeUp, new WakeTime.BusinessDaysLater(dueInBusinessDays + EscalateAfterDueBusinessDays, ChaseAt, party)),
    ];

    /// <summary>When the task of such a turn is due: the end of the KAM's due day.</summary>
    public static WakeTime DueOf(int dueInBusinessDays, string party) => new WakeTime.BusinessDaysLater(dueInBusinessDays, DueAt, party);
}
