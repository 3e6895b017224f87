namespace KamFlows.Domain.Receivables;

/// <summary>One open document as the account summary counts it: its amount already in the reporting currency.</summary>
public sealed record OpenDocument(string Document, DateOnly DueDate, decimal Amount, string Currency, decimal ReportingAmount);

/// <summary>
/// An account's receivables on one day: the total open and the overdue part in the reporting
/// currency, the oldest overdue due date and how many calendar days ago it was, and whether the total
/// is above the account's credit limit (no limit, no flag).
/// </summary>
public sealed record AccountReceivables(
    string ReportingCurrency, decimal TotalOpen, decimal Overdue, int OverdueDocuments, DateOnly? OldestOverdue, int? DaysOverdue,
    decimal? CreditLimit, bool OverCreditLimit)
{
    /// <summary>A document is overdue the day after its due date, on the account's own calendar day.</summary>
    public static bool IsOverdue(DateOnly dueDate, DateOnly today) => dueDate < today;

    public static AccountReceivables Of(IReadOnlyCollection<OpenDocument> documents, DateOnly today, decimal? creditLimit, string reportingCurrency)
    {
        var overdue = documents.Where(d => IsOverdue(d.DueDate, today)).ToList();
        var total = documents.Sum(d => d.ReportingAmount);
        DateOnly? oldest = overdue.Count == 0 ? null : overdue.Min(d => d.DueDate);
        return new AccountReceivables(
            reportingCurrency, total, overdue.Sum(d => d.ReportingAmount), overdue.Count, oldest,
            oldest is { } o ? today.DayNumber - o.DayNumber : null,
            creditLimit, creditLimit is { } limit && total > limit);
    }
}
