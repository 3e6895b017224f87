using KamFlows.Domain.Accounts;
using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Reviews;

/// <summary>
/// Record the approver's decision on the submitted plan version (approved: frozen as the last approved
/// version; rejected: the KAM revises the draft and submits a new one) and, when approved, give the
/// account the proposed class. Performed idempotently: a version decided already stays as it is.
/// </summary>
public sealed record ReviewDecision(
    string AccountId,
    int PlanVersion,
    bool Approved,
    string? Comment,
    string DecidedByUserId,
    AccountClass? NewClass) : Effect
{
    public const string KindName = "reviews.plan-decision";

    public override string Kind => KindName;
}
