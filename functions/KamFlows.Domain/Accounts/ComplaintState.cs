namespace KamFlows.Domain.Accounts;

/// <summary>A complaint stays open until someone records that it was dealt with.</summary>
public enum ComplaintState
{
    Open,
    Closed,
}
