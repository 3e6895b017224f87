namespace KamFlows.Domain.Accounts;

/// <summary>What kind of contact with the customer an entry of the interaction log records.</summary>
public enum InteractionKind
{
    Visit,
    Call,
    Email,
    Meeting,
    Complaint,
}
