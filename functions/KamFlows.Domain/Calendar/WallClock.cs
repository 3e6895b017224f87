namespace KamFlows.Domain.Calendar;

/// <summary>Conversions between instants and the local date and time on a wall clock in a zone.</summary>
public static class WallClock
{
    /// <summary>The local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant at which clocks in <paramref name="zone"/> show <paramref name="time"/> on
    /// <paramref name="date"/>, with the zone's offset at that instant.
    /// </summary>
    /// <remarks>
    /// Rule for times that do not exist or exist twice:
    /// a time in a spring-forward gap is shifted forward by the length of the gap (01:30 on the
    /// last Sunday of March in Lisbon becomes 02:30 summer time, i.e. 01:30 UTC); a time in a
    /// fall-back overlap is the earlier (first) occurrence (01:30 on the last Sunday of October in
    /// Lisbon is 01:30 summer time, i.e. 00:30 UTC).
    /// </remarks>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);

        if (zone.IsInvalidTime(local))
        {
            // Reading the skipped wall time with the offset in force before the gap lands as far
            // past the gap's start as the time was: that is the shift by the gap's length.
            var offsetBefore = zone.GetUtcOffset(local.AddDays(-1));
            var utc = new DateTimeOffset(local.Ticks - offsetBefore.Ticks, TimeSpan.Zero);
            return TimeZoneInfo.ConvertTime(utc, zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset maps the same wall time to the earlier instant.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
