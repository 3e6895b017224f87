namespace KamFlows.Domain.Tenders;

/// <summary>How long before the tender date a milestone is due: months, then days.</summary>
public sealed record TenderOffset(int Months, int Days = 0)
{
    public DateOnly Before(DateOnly tenderDate) => tenderDate.AddMonths(-Months).AddDays(-Days);
}

/// <summary>
/// The schedule's settings (from configuration, copied into each tender when it is registered, so a
/// change of settings never moves a running tender): the offset of every milestone from the tender
/// date, the reminder before a due date and the escalation after it (business days of the account's
/// calendar), how soon a late-started milestone and a revision of a rejected bid are due, how recent an interaction with the buying
/// group must be, and the times of day work is given and due.
/// </summary>
public sealed record TenderTimings(
    TenderOffset Needs,
    TenderOffset BuyingGroup,
    TenderOffset BidDraft,
    TenderOffset SignOff,
    TenderOffset FinalDocuments,
    TenderOffset Submission,
    int ReminderBusinessDaysBefore = 3,
    int EscalationBusinessDaysAfter = 5,
    int LateStartBusinessDays = 2,
    int ReviseBusinessDays = 2,
    int CoverageInteractionDays = 90,
    int EscortDays = 90)
{
    public static TenderTimings Default { get; } = new(
        new(9), new(6), new(3), new(1), new(0, 7), new(0));

    /// <summary>Work is given (and reminders and escalations come) at this time of the account's day.</summary>
    public static readonly TimeOnly WorkAt = new(9, 0);

    /// <summary>Milestone tasks are due at this time of the account's day.</summary>
    public static readonly TimeOnly DueAt = new(17, 0);

    public TenderOffset OffsetOf(TenderMilestone milestone) => milestone switch
    {
        TenderMilestone.Needs => Needs,
        TenderMilestone.BuyingGroup => BuyingGroup,
        TenderMilestone.BidDraft => BidDraft,
        TenderMilestone.SignOff => SignOff,
        TenderMilestone.FinalDocuments => FinalDocuments,
        TenderMilestone.Submission => Submission,
        _ => throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "Not a milestone."),
    };

    /// <summary>What is wrong with these settings: milestones in order and not after the tender, positive business days.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var sample = new DateOnly(2030, 6, 15);
        var dates = TenderChecklists.InOrder.Select(m => (m, OffsetOf(m))).ToList();
        foreach (var (milestone, offset) in dates)
        {
            if (offset is null || offset.Months < 0 || offset.Days < 0 || offset.Months > 36)
            {
                problems.Add($"{milestone}: an offset before the tender date, of 0 to 36 months and 0 or more days.");
            }
        }

        if (problems.Count == 0)
        {
            for (var i = 1; i < dates.Count; i++)
            {
                if (dates[i].Item2.Before(sample) < dates[i - 1].Item2.Before(sample))
                {
                    problems.Add($"{dates[i].m} comes due before {dates[i - 1].m}: milestones keep their order.");
                }
            }
        }

        if (ReminderBusinessDaysBefore < 0 || EscalationBusinessDaysAfter < 1 || LateStartBusinessDays < 0 || ReviseBusinessDays < 0)
        {
            problems.Add("Reminders, late start and revision 0 or more, escalation 1 or more business days.");
        }

        if (CoverageInteractionDays < 1 || EscortDays < 1)
        {
            problems.Add("Coverage and escort periods are at least one day.");
        }

        return problems;
    }
}
