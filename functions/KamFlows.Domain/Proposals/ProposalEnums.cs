namespace KamFlows.Domain.Proposals;

/// <summary>How a proposal the customer decided on ended, as the KAM records it.</summary>
public enum ProposalOutcome
{
    Won,
    Lost,
    Withdrawn,
}

/// <summary>Why a proposal was lost: what the loss review starts from.</summary>
public enum LossReason
{
    Price,
    Quality,
    Relationship,
    Competitor,
    Other,
}

/// <summary>Where the customer's urgency comes from, as the KAM heard it when asking about next steps.</summary>
public enum UrgencyOrigin
{
    /// <summary>A budget that must be spent or committed by a date.</summary>
    Budget,

    /// <summary>Running out of stock, or a supplier failing them.</summary>
    Supply,

    /// <summary>A tender or purchasing calendar.</summary>
    Tender,

    /// <summary>A regulation, an audit or an accreditation.</summary>
    Regulation,

    /// <summary>A project, a launch or an opening of theirs.</summary>
    Project,

    /// <summary>No particular urgency.</summary>
    None,

    Other,
}

/// <summary>What the KAM and the customer agreed to have next.</summary>
public enum MeetingKind
{
    Call,
    Meeting,
}

/// <summary>How the receipt of a proposal was confirmed.</summary>
public enum ReceiptConfirmedBy
{
    /// <summary>The customer clicked the link in the email.</summary>
    Link,

    /// <summary>The KAM spoke to the customer (recorded the call, or completed the call task as reached).</summary>
    Call,
}
