namespace KamFlows.Domain.Calendar;

/// <summary>
/// One reason a day is not (or not fully) a business day. A day with several reasons (a closure on
/// a holiday) appears once per reason. For optional days <see cref="Policy"/> is the company's
/// choice and, on a half day, <see cref="OpensAt"/>/<see cref="ClosesAt"/> are that day's business
/// hours; for holidays and closures the three are null (closed all day).
/// </summary>
public sealed record NonBusinessDay(
    DateOnly Date,
    NonBusinessReason Reason,
    string NamePt,
    string NameEn,
    OptionalDay? OptionalDay = null,
    OptionalDayPolicy? Policy = null,
    TimeOnly? OpensAt = null,
    TimeOnly? ClosesAt = null)
{
    /// <summary>True when the day has no business hours because of this reason.</summary>
    public bool ClosesWholeDay => Policy is null or OptionalDayPolicy.Closed;
}
