using KamFlows.Domain.Organisation;

namespace KamFlows.Domain.Processes;

/// <summary>
/// Who may send an input of a given type. Each process declares one rule per input type; the engine
/// checks it before the decider sees the input, so no decider has to remember to.
/// </summary>
public abstract record SenderRule
{
    public abstract bool Allows(Sender sender, IReadOnlyDictionary<string, IReadOnlyList<string>> parties);

    /// <summary>Only the engine itself (wake-ups, child completions, re-assignments).</summary>
    public static SenderRule SystemOnly { get; } = new SystemRule();

    /// <summary>A signed-in person with the role.</summary>
    public static SenderRule Role(Role role) => new RoleRule(role);

    /// <summary>A signed-in person bound to the instance under that party name (e.g. "approver"), or one of its delegates ("approver.delegates").</summary>
    public static SenderRule Party(string party) => new PartyRule(party);

    /// <summary>The holder of a link issued for that party (e.g. the customer contact of a proposal).</summary>
    public static SenderRule LinkHolderOf(string party) => new LinkHolderRule(party);

    public static SenderRule AnyOf(params SenderRule[] rules) => new AnyRule(rules);

    private sealed record SystemRule : SenderRule
    {
        public override bool Allows(Sender sender, IReadOnlyDictionary<string, IReadOnlyList<string>> parties) => sender.Kind == SenderKind.System;
    }

    private sealed record RoleRule(Role Required) : SenderRule
    {
        public override bool Allows(Sender sender, IReadOnlyDictionary<string, IReadOnlyList<string>> parties) =>
            sender.Kind == SenderKind.Person && sender.Roles.Contains(Required);
    }

    private sealed record PartyRule(string Name) : SenderRule
    {
        public override bool Allows(Sender sender, IReadOnlyDictionary<string, IReadOnlyList<string>> parties) =>
            sender.Kind == SenderKind.Person && sender.UserId is { } id
            && (Holds(parties, Name, id) || Holds(parties, Name + ".delegates", id));
    }

    private sealed record LinkHolderRule(string Name) : SenderRule
    {
        public override bool Allows(Sender sender, IReadOnlyDictionary<string, IReadOnlyList<string>> parties) =>
            sender.Kind == SenderKind.LinkHolder && sender.UserId is { } id && Holds(parties, Name, id);
    }

    private sealed record AnyRule(IReadOnlyList<SenderRule> Rules) : SenderRule
    {
        public override bool Allows(Sender sender, IReadOnlyDictionary<string, IReadOnlyList<string>> parties) =>
            Rules.Any(r => r.Allows(sender, parties));
    }

    private static bool Holds(IReadOnlyDictionary<string, IReadOnlyList<string>> parties, string party, string id) =>
        parties.TryGetValue(party, out var ids) && ids.Contains(id, StringComparer.Ordinal);
}
