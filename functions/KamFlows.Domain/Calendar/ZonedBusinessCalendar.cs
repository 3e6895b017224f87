namespace KamFlows.Domain.Calendar;

/// <summary>
/// A <see cref="BusinessCalendar"/> read on the wall clock of one IANA time zone (the recipient's):
/// "N business days later at 09:00 local", end of a business day, and the UTC instants to store
/// and wake up at. Returned instants carry the zone's offset; <c>.UtcDateTime</c> gives UTC.
/// </summary>
/// <remarks>
/// Local times are resolved by <see cref="WallClock.ToInstant"/>: a time in a DST gap moves
/// forward by the gap, a time in an overlap takes its first occurrence.
/// Time-of-day rule for half days: a requested time before the day's opening moves to the opening
/// (09:00 on an Ash Wednesday that opens at 12:00 becomes 12:00); a requested time at or after the
/// day's closing moves to the next business day where it fits.
/// </remarks>
public sealed class ZonedBusinessCalendar
{
    internal ZonedBusinessCalendar(BusinessCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Calendar = calendar;
        Zone = zone;
    }

    public BusinessCalendar Calendar { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The local date of <paramref name="instant"/> in this zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => WallClock.DateOf(instant, Zone);

    /// <summary>The instant the local clock shows <paramref name="time"/> on <paramref name="date"/>.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) => WallClock.ToInstant(date, time, Zone);

    /// <summary>The next business day after the local date of <paramref name="from"/>, at
    /// <paramref name="at"/> local time (e.g. 09:00).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside the working hours.</exception>
    public DateTimeOffset NextBusinessDayAt(DateTimeOffset from, TimeOnly at) => AddBusinessDaysAt(from, 1, at);

    /// <summary><paramref name="businessDays"/> (≥ 1) business days after the local date of
    /// <paramref name="from"/>, at <paramref name="at"/> local time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessDays"/> is below 1, or
    /// <paramref name="at"/> is outside the working hours.</exception>
    public DateTimeOffset AddBusinessDaysAt(DateTimeOffset from, int businessDays, TimeOnly at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDays, 1);
        if (!Calendar.WorkingHours.Contains(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"Must be within the working hours {Calendar.WorkingHours.Opens}-{Calendar.WorkingHours.Closes}.");
        }

        var day = Calendar.AddBusinessDays(DateOf(from), businessDays);
        while (true)
        {
            var hours = Calendar.HoursOn(day)!;
            if (at < hours.Closes)
            {
                return At(day, at > hours.Opens ? at : hours.Opens);
            }

            day = Calendar.NextBusinessDay(day);
        }
    }

    /// <summary>The closing instant of business day <paramref name="date"/> (cut on a half day).</summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not a business day.</exception>
    public DateTimeOffset EndOfBusinessDay(DateOnly date) =>
        Calendar.HoursOn(date) is { } hours
            ? At(date, hours.Closes)
            : throw new ArgumentException($"{date:yyyy-MM-dd} is not a business day.", nameof(date));

    /// <summary>The end of the <paramref name="businessDays"/>-th business day after the local date of
    /// <paramref name="from"/>: the deadline of "within N business days".</summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset from, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDays, 1);
        return EndOfBusinessDay(Calendar.AddBusinessDays(DateOf(from), businessDays));
    }

    /// <summary>True when <paramref name="instant"/> falls within business hours on a business day, local time.</summary>
    public bool IsBusinessTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return Calendar.HoursOn(DateOnly.FromDateTime(local.DateTime)) is { } hours
            && hours.Contains(TimeOnly.FromDateTime(local.DateTime));
    }
}
