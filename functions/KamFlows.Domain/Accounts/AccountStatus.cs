namespace KamFlows.Domain.Accounts;

/// <summary>An archived account is kept (history, plans, audit refer to it) but no longer worked on.</summary>
public enum AccountStatus
{
    Active,
    Archived,
}
