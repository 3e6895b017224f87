namespace KamFlows.Domain.Calendar;

/// <summary>The business hours of a day, local time: open from <see cref="Opens"/> (inclusive)
/// until <see cref="Closes"/> (exclusive).</summary>
public sealed record BusinessHours(TimeOnly Opens, TimeOnly Closes)
{
    public static BusinessHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(18, 0));

    public bool Contains(TimeOnly time) => time >= Opens && time < Closes;
}
