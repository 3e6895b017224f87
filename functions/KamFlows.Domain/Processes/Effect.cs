namespace KamFlows.Domain.Processes;

/// <summary>
/// Something to do in the world after a transition is committed: send an email, create a task. The
/// engine performs it at least once, idempotently by an effect id it assigns, and shows one that
/// keeps failing on the instance. Concrete effects are records of the features that perform them;
/// <see cref="Kind"/> names the handler.
/// </summary>
public abstract record Effect
{
    public abstract string Kind { get; }
}

/// <summary>Start a child process (e.g. an approval request); the parent receives <see cref="ChildCompleted"/> when it ends.</summary>
public sealed record ChildStart(
    string Definition,
    string BusinessKey,
    object StartCommand,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parties,
    IReadOnlyDictionary<string, PartyCalendar> Calendars);

/// <summary>Whose business calendar and time zone a party of a process lives by.</summary>
public sealed record PartyCalendar(string Country, string? Region, string? Municipality, string TimeZone);
