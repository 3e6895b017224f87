namespace KamFlows.Domain.Processes;

/// <summary>
/// What a decider decided: events to record (they become the new state through Evolve), effects to
/// perform after the commit, wake-ups to set or cancel, children to start, and whether the process
/// is finished. An input that changes nothing gives <see cref="None"/>; one that came too late for
/// the step it was meant for gives <see cref="Stale"/>.
/// </summary>
public sealed record Decision<TEvent>
    where TEvent : class
{
    public IReadOnlyList<TEvent> Events { get; init; } = [];
    public IReadOnlyList<Effect> Effects { get; init; } = [];
    public IReadOnlyList<WakeUpRequest> WakeUps { get; init; } = [];
    public IReadOnlyList<string> CancelWakeUps { get; init; } = [];
    public IReadOnlyList<ChildStart> Children { get; init; } = [];

    /// <summary>Set when the process is finished, with its outcome (e.g. "approved"), told to a parent.</summary>
    public string? Outcome { get; init; }

    /// <summary>What a finished process tells its parent beyond the outcome (e.g. who approved and their comments), as a record the parent reads.</summary>
    public object? Result { get; init; }

    /// <summary>Parties whose members change (e.g. an approval re-routed to a delegate), with the calendar the new members live by.</summary>
    public IReadOnlyList<PartyChange> PartyChanges { get; init; } = [];

    /// <summary>Set when the input was meant for a step the process has left: recorded, not applied.</summary>
    public string? StaleReason { get; init; }

    public bool ChangesNothing => Events.Count == 0 && Effects.Count == 0 && WakeUps.Count == 0
        && CancelWakeUps.Count == 0 && Children.Count == 0 && Outcome is null;

    public static Decision<TEvent> None { get; } = new();

    public static Decision<TEvent> Stale(string reason) => new() { StaleReason = reason };

    public static Decision<TEvent> Of(params TEvent[] events) => new() { Events = events };

    public Decision<TEvent> Then(params Effect[] effects) => this with { Effects = [.. Effects, .. effects] };

    public Decision<TEvent> Wake(string name, WakeTime when) => this with { WakeUps = [.. WakeUps, new WakeUpRequest(name, when)] };

    public Decision<TEvent> Cancel(params string[] wakeUps) => this with { CancelWakeUps = [.. CancelWakeUps, .. wakeUps] };

    public Decision<TEvent> Start(ChildStart child) => this with { Children = [.. Children, child] };

    public Decision<TEvent> Complete(string outcome, object? result = null) => this with { Outcome = outcome, Result = result };

    public Decision<TEvent> SetParty(string party, IReadOnlyList<string> members, PartyCalendar? calendar = null) =>
        this with { PartyChanges = [.. PartyChanges, new PartyChange(party, members, calendar)] };
}

/// <summary>The new members of a party (ids), and, if it changes, the calendar that party lives by.</summary>
public sealed record PartyChange(string Party, IReadOnlyList<string> Members, PartyCalendar? Calendar);
