using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Features.Accounts;

/// <summary>What a head of KAM or administrator sends to hand an account to another KAM.</summary>
public sealed record ReassignInput(
    [property: Required, StringLength(64)] string? NewOwnerUserId,
    [property: Required, StringLength(1000, MinimumLength = 3)] string? Reason);

/// <summary>An account changed owner (stored already when this is raised).</summary>
public sealed record AccountReassigned(
    string AccountId,
    string PreviousOwnerUserId,
    string NewOwnerUserId,
    string Reason,
    string? ByUserId,
    DateTimeOffset At);

/// <summary>
/// Told after a re-assignment is stored, in the same request: the open tasks move to the new owner,
/// running processes are told. A listener must be idempotent and quick; long work it queues.
/// </summary>
public interface IAccountReassignmentListener
{
    Task OnReassignedAsync(AccountReassigned reassigned, CancellationToken ct);
}
