using KamFlows.App.Engine;
using KamFlows.App.Work;

namespace KamFlows.App.Features.Processes;

/// <summary>An instance as an operator or a head of KAM needs to see it: where it is, whom it waits on, what is stuck.</summary>
public sealed record ProcessView(
    string Id,
    string Definition,
    int Version,
    string BusinessKey,
    ProcessStatus Status,
    string Step,
    string? Outcome,
    WaitingView? WaitingOn,
    DateTimeOffset? NextWakeUpAt,
    IReadOnlyList<PendingWakeUp> WakeUps,
    IReadOnlyList<EffectView> PendingEffects,
    IReadOnlyList<PoisonMessage> Poison,
    string? AccountId,
    string? ParentId,
    IReadOnlyList<string> Children,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ProcessView Of(ProcessInstance i, IReadOnlyList<PoisonMessage> poison) => new(
        i.Id,
        i.Definition,
        i.Version,
        i.BusinessKey,
        i.Status,
        i.Step,
        i.Outcome,
        i.WaitingOn is { } w ? new WaitingView(w.Party, IndexKeys.WaitingUsers(i), w.Since) : null,
        i.NextWakeUpAt,
        i.WakeUps,
        i.Outbox.Select(e => new EffectView(e.Id, e.Kind, e.Attempts, e.LastError, e.LastAttemptAt)).ToList(),
        poison,
        i.AccountId,
        i.ParentId,
        i.Children,
        i.CreatedAt,
        i.UpdatedAt);
}

public sealed record WaitingView(string Party, IReadOnlyList<string> UserIds, DateTimeOffset Since);

/// <summary>A pending effect; one with attempts and an error keeps failing and can be retried by an administrator.</summary>
public sealed record EffectView(string Id, string Kind, int Attempts, string? LastError, DateTimeOffset? LastAttemptAt);
