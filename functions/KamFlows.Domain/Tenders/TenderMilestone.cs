namespace KamFlows.Domain.Tenders;

/// <summary>The steps of preparing a tender, in the order they come due before the tender date.</summary>
public enum TenderMilestone
{
    /// <summary>T−9 months: the buyer's needs and the key success factors are known.</summary>
    Needs,

    /// <summary>T−6 months: the decision-making group is mapped and the specification meetings are held.</summary>
    BuyingGroup,

    /// <summary>T−3 months: the bid is drafted and priced.</summary>
    BidDraft,

    /// <summary>T−1 month: the director has signed the bid off (an approval request).</summary>
    SignOff,

    /// <summary>T−1 week: the final documents are ready.</summary>
    FinalDocuments,

    /// <summary>T: the bid is submitted and the submission confirmed.</summary>
    Submission,
}

/// <summary>What each milestone asks for: its code (in wake-ups, task kinds and the API) and its checklist.</summary>
public static class TenderChecklists
{
    /// <summary>The item of <see cref="TenderMilestone.SignOff"/>: ticked by the director's approval, never by hand.</summary>
    public const string SignOffItem = "director-sign-off";

    public static IReadOnlyList<TenderMilestone> InOrder { get; } = Enum.GetValues<TenderMilestone>();

    public static string Code(TenderMilestone milestone) => milestone switch
    {
        TenderMilestone.Needs => "needs",
        TenderMilestone.BuyingGroup => "buying-group",
        TenderMilestone.BidDraft => "bid-draft",
        TenderMilestone.SignOff => "sign-off",
        TenderMilestone.FinalDocuments => "final-documents",
        TenderMilestone.Submission => "submission",
        _ => throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "Not a milestone."),
    };

    public static TenderMilestone? FromCode(string? code) => InOrder.Cast<TenderMilestone?>().FirstOrDefault(m => Code(m!.Value) == code);

    public static IReadOnlyList<string> Items(TenderMilestone milestone) => milestone switch
    {
        TenderMilestone.Needs => ["customer-needs", "key-success-factors"],
        TenderMilestone.BuyingGroup => ["buying-group-mapped", "specification-meetings"],
        TenderMilestone.BidDraft => ["bid-draft", "pricing"],
        TenderMilestone.SignOff => [SignOffItem],
        TenderMilestone.FinalDocuments => ["final-documents"],
        TenderMilestone.Submission => ["submission-confirmed"],
        _ => [],
    };

    /// <summary>The kind of the task for one checklist item: "tender-needs-customer-needs". The process hears it back when the task is completed.</summary>
    public static string TaskKind(TenderMilestone milestone, string item) => $"tender-{Code(milestone)}-{item}";

    /// <summary>The milestone and item a task kind of <see cref="TaskKind"/> stands for, or null.</summary>
    public static (TenderMilestone Milestone, string Item)? FromTaskKind(string? kind) =>
        InOrder.SelectMany(m => Items(m).Select(i => (m, i))).Cast<(TenderMilestone, string)?>()
            .FirstOrDefault(p => TaskKind(p!.Value.Item1, p.Value.Item2) == kind);
}
