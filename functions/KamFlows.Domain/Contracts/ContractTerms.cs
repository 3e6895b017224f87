namespace KamFlows.Domain.Contracts;

/// <summary>
/// What a contract with a key account commits to: from when to when, for how much, and how many days
/// before its end either side must give notice. The notice deadline is the last day to renegotiate
/// or give notice: everything about a renewal is counted back from it.
/// </summary>
public sealed record ContractTerms(DateOnly Start, DateOnly End, decimal Value, string Currency, int NoticePeriodDays)
{
    /// <summary>The last day notice can be given: the end minus the notice period.</summary>
    public DateOnly NoticeDeadline => End.AddDays(-NoticePeriodDays);

    /// <summary>The terms in one line for the approval page ("2026-01-01 – 2026-12-31, 120000 EUR, 60 days' notice"): dates and numbers only.</summary>
    public string Describe() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd} – {End:yyyy-MM-dd}, {Value:0.##} {Currency}, {NoticePeriodDays} days' notice");
}
