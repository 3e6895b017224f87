namespace KamFlows.Domain.Accounts;

/// <summary>The A/B/C class of an account by its share of revenue, recomputed each quarter (never entered by hand).</summary>
public enum AccountClass
{
    A,
    B,
    C,
}
