namespace KamFlows.Domain.Contracts;

/// <summary>
/// When a renewal is worked on, fixed for a contract when its renewal is armed (a later change of the
/// settings does not move a running one): it opens <paramref name="LeadDays"/> calendar days before
/// the notice deadline (on that day, or the business day before it); the KAM's terms task is due
/// <paramref name="TermsDueBusinessDays"/> business days before the deadline, so the director has time
/// to sign off; while no terms are proposed, the KAM is reminded every
/// <paramref name="ReminderEveryBusinessDays"/> business days.
/// </summary>
public sealed record RenewalTimings(
    int LeadDays = RenewalTimings.DefaultLeadDays,
    int TermsDueBusinessDays = RenewalTimings.DefaultTermsDue,
    int ReminderEveryBusinessDays = RenewalTimings.DefaultReminderEvery)
{
    public const int DefaultLeadDays = 90;
    public const int DefaultTermsDue = 10;
    public const int DefaultReminderEvery = 5;

    public static RenewalTimings Default { get; } = new();

    /// <summary>The day the renewal opens for <paramref name="terms"/>: the lead days before the notice deadline (a business day is found by the engine).</summary>
    public DateOnly OpensOn(ContractTerms terms) => terms.NoticeDeadline.AddDays(-LeadDays);
}
