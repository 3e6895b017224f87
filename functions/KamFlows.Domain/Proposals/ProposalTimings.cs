namespace KamFlows.Domain.Proposals;

/// <summary>
/// How a proposal is followed up, fixed when it is submitted (a running proposal keeps its own):
/// the validity reminder, in business days of the KAM's calendar before the validity date, and the
/// tasks after a win, in calendar days after it (a task on a day off moves to the business day before).
/// </summary>
public sealed record ProposalTimings(
    int ValidityReminderBusinessDays = ProposalTimings.DefaultValidityReminder,
    int DeliveryCallAfterDays = 7,
    int FeedbackAfterDays = 30,
    int RecommendationAfterDays = 60)
{
    public const int DefaultValidityReminder = 5;

    public static ProposalTimings Default { get; } = new();
}
