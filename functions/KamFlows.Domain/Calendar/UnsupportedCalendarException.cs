namespace KamFlows.Domain.Calendar;

/// <summary>
/// A calendar key names a country or region the calendar does not know. An
/// <see cref="ArgumentException"/>, so the API can answer it with a 400 problem.
/// </summary>
public sealed class UnsupportedCalendarException : ArgumentException
{
    public UnsupportedCalendarException()
    {
    }

    public UnsupportedCalendarException(string message)
        : base(message)
    {
    }

    public UnsupportedCalendarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
