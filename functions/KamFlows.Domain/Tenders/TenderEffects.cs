using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Tenders;

/// <summary>
/// Read the account's dossier for a coverage check: the app lists the active contacts with their role
/// and last interaction (the contact's own date or the latest log entry naming them) and sends them
/// back as <see cref="TenderCommand.CoverageFound"/>. The rule of what is a gap stays in the domain
/// (<see cref="BuyingGroupCoverage"/>).
/// </summary>
public sealed record CheckBuyingGroupCoverage(string AccountId, string Check) : Effect
{
    public const string KindName = "tenders.coverage";

    public override string Kind => KindName;
}

/// <summary>Withdraw an approval request the tender started and no longer needs (the tender ended while it was pending).</summary>
public sealed record WithdrawApproval(string BusinessKey) : Effect
{
    public const string KindName = "tenders.withdraw-approval";

    public override string Kind => KindName;
}
