using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Tenders;

/// <summary>What one transition of a tender decides, gathered step by step (a milestone opened, a wake-up re-armed) and then made a decision.</summary>
internal sealed class TenderWork
{
    public List<TenderEvent> Events { get; } = [];

    public List<Effect> Effects { get; } = [];

    public List<WakeUpRequest> WakeUps { get; } = [];

    public List<string> Cancels { get; } = [];

    public List<ChildStart> Children { get; } = [];

    public void Wake(string name, WakeTime when) => WakeUps.Add(new WakeUpRequest(name, when));

    public Decision<TenderEvent> ToDecision() => new()
    {
        Events = Events,
        Effects = Effects,
        WakeUps = WakeUps,
        CancelWakeUps = [.. Cancels.Where(c => WakeUps.All(w => w.Name != c)).Distinct()],
        Children = Children,
    };
}
