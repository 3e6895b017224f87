namespace KamFlows.Domain.Calendar;

/// <summary>
/// A company's policy for one optional day, in one country or (when <see cref="Country"/> is null)
/// in every country that knows that day. A country-specific setting wins over a general one.
/// </summary>
/// <remarks>
/// Half-day rule: a half day is a business day (it counts as one in business-day arithmetic) whose
/// hours are the company's working hours cut to start no earlier than <see cref="OpensAt"/>
/// (e.g. Ash Wednesday opens at 12:00 in Brazil) and to end no later than <see cref="ClosesAt"/>
/// (e.g. Christmas Eve closes at 12:00). A half day needs at least one of the two.
/// </remarks>
public sealed record OptionalDaySetting
{
    public OptionalDay Day { get; init; }
    public OptionalDayPolicy Policy { get; init; }
    public string? Country { get; init; }
    public TimeOnly? OpensAt { get; init; }
    public TimeOnly? ClosesAt { get; init; }

    /// <summary>The hours of a half day within the company's working hours.</summary>
    public BusinessHours CutHours(BusinessHours working) => new(
        OpensAt is { } opens && opens > working.Opens ? opens : working.Opens,
        ClosesAt is { } closes && closes < working.Closes ? closes : working.Closes);

    public IEnumerable<string> Problems(BusinessHours working)
    {
        var what = $"Optional day {Day}{(Country is null ? "" : $" in {Country}")}";
        if (!Enum.IsDefined(Day))
        {
            yield return $"Optional day {(int)Day} is unknown.";
        }

        if (!Enum.IsDefined(Policy))
        {
            yield return $"{what} has unknown policy {(int)Policy}.";
        }

        if (Country is not null && !HolidayRules.IsSupported(Country))
        {
            yield return $"{what}: unsupported country.";
        }

        if (Policy != OptionalDayPolicy.HalfDay)
        {
            if (OpensAt is not null || ClosesAt is not null)
            {
                yield return $"{what}: OpensAt and ClosesAt apply only to the HalfDay policy.";
            }

            yield break;
        }

        if (OpensAt is null && ClosesAt is null)
        {
            yield return $"{what}: a HalfDay needs OpensAt or ClosesAt.";
            yield break;
        }

        var hours = CutHours(working);
        if (hours.Opens >= hours.Closes)
        {
            yield return $"{what}: the half day leaves no business hours within {working.Opens}-{working.Closes}.";
        }
    }
}
