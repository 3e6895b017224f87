namespace KamFlows.Domain.Accounts;

/// <summary>How a contact stands towards us, from our strongest ally to our strongest opponent.</summary>
public enum Attitude
{
    Champion,
    Supporter,
    Neutral,
    Critic,
    Opponent,
}
