using KamFlows.Domain.Reviews;

namespace KamFlows.App.Features.Reviews;

/// <summary>A quarter's reviews: how many stand where, and each one with whom it waits on since when.</summary>
public sealed record QuarterReviewsView(
    string Quarter, int Reviews, int Open, int Submitted, int Approved, int Rejected, int Overdue, IReadOnlyList<ReviewSummary> Items);

/// <summary>
/// One review of the quarter. <c>Step</c>: with-kam (open), awaiting-approval (submitted), revising
/// (rejected, back with the KAM), approved, refused, or opening (on the roster, not started yet).
/// </summary>
public sealed record ReviewSummary(
    string AccountId, string ProcessId, string Step, bool Overdue, bool Escalated, int Rounds,
    string? WaitingOn, IReadOnlyList<string> WaitingOnUserIds, DateTimeOffset? WaitingSince);

/// <summary>One review whole: the package, where it stands, and every round with its comments.</summary>
public sealed record ReviewView(string AccountId, string Quarter, string ProcessId, string Step, QuarterlyReviewState State);

/// <summary>What a start of the quarter's reviews did: how many plans it sent to be opened.</summary>
public sealed record QuarterStarted(string Quarter, int Plans);
