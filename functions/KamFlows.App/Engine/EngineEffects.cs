using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

/// <summary>Start a child process: the parent's <see cref="ChildStart"/>, performed after the parent's commit.</summary>
public sealed record StartChildEffect(
    string Definition,
    string BusinessKey,
    string CommandJson,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parties,
    IReadOnlyDictionary<string, PartyCalendar> Calendars,
    string? AccountId,
    string ParentId) : Effect
{
    public const string KindName = "engine.start-child";

    public override string Kind => KindName;
}

/// <summary>Tell the parent that a child ended, with its outcome.</summary>
public sealed record NotifyParentEffect(string ParentId, string ChildId, string Definition, string BusinessKey, string Outcome, string? ResultJson = null) : Effect
{
    public const string KindName = "engine.notify-parent";

    public override string Kind => KindName;
}

/// <summary>Terminate a child whose parent was terminated.</summary>
public sealed record TerminateChildEffect(string ChildId, string Reason) : Effect
{
    public const string KindName = "engine.terminate-child";

    public override string Kind => KindName;
}

/// <summary>Bring the instance's rows in the list index up to date (idempotent: it reads the instance as it is now).</summary>
public sealed record IndexEffect(IReadOnlyList<string> PreviousKeys) : Effect
{
    public const string KindName = "engine.index";

    public override string Kind => KindName;
}
