using System.Text.Json.Serialization;

namespace KamFlows.Domain.Processes;

/// <summary>
/// When a process wants to be woken (or a task it gives is due). Business times ("2 business days
/// later at 09:00, the customer's time") are data: the engine resolves them with the business
/// calendar of that party, so the rule of the business calendar stays in the calendar and the
/// decider stays pure.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(At), "at")]
[JsonDerivedType(typeof(After), "after")]
[JsonDerivedType(typeof(BusinessDaysLater), "business-days-later")]
[JsonDerivedType(typeof(BusinessDaysFrom), "business-days-from")]
public abstract record WakeTime
{
    public sealed record At(DateTimeOffset Instant) : WakeTime;

    public sealed record After(TimeSpan Delay) : WakeTime;

    /// <summary><paramref name="Days"/> business days after now, at <paramref name="LocalTime"/> in the calendar and time zone of <paramref name="Party"/>.</summary>
    public sealed record BusinessDaysLater(int Days, TimeOnly LocalTime, string Party) : WakeTime;

    /// <summary>
    /// <paramref name="Days"/> business days after <paramref name="Date"/> (before it when negative), at
    /// <paramref name="LocalTime"/>, in the calendar and time zone of <paramref name="Party"/>. Zero days
    /// is <paramref name="Date"/> itself when it is a business day, else the business day before it: a
    /// date set by someone (a tender date, a validity date) never moves later than they said.
    /// </summary>
    public sealed record BusinessDaysFrom(DateOnly Date, int Days, TimeOnly LocalTime, string Party) : WakeTime;
}

/// <summary>Set (or replace) the wake-up called <paramref name="Name"/>.</summary>
public sealed record WakeUpRequest(string Name, WakeTime When);
