namespace KamFlows.Domain.Accounts;

/// <summary>
/// Where the relationship with a key account stands, in the stages of the KAM literature
/// (Pre-KAM to Synergistic-KAM, and Uncoupling-KAM when it comes apart).
/// </summary>
public enum RelationshipStage
{
    Pre,
    Early,
    Mid,
    Partnership,
    Synergistic,
    Uncoupling,
}
