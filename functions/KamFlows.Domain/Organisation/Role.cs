namespace KamFlows.Domain.Organisation;

/// <summary>What a person may do in KamFlows. A person may hold several roles.</summary>
public enum Role
{
    /// <summary>Key account manager: owns accounts, plans, proposals and tenders.</summary>
    Kam,

    /// <summary>Commercial or sales director: approves plans and bids, is escalated to.</summary>
    Director,

    /// <summary>Head of KAM: sees every account and process, re-assigns accounts, is the escalation target of a business unit.</summary>
    HeadOfKam,

    /// <summary>Administrator: users, roles, calendars, templates, erasure requests.</summary>
    Admin,
}
