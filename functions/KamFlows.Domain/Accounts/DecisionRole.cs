namespace KamFlows.Domain.Accounts;

/// <summary>The part a contact plays in the customer's buying decision.</summary>
public enum DecisionRole
{
    DecisionMaker,
    Influencer,
    User,
    Gatekeeper,
    Blocker,
}
