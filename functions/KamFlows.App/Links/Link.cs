namespace KamFlows.App.Links;

/// <summary>Who a link was sent to: a user (signs in to act) or a customer contact (the token is enough).</summary>
public enum RecipientKind
{
    User,
    Contact,
}

/// <summary>
/// One emailed link as stored (by its token's hash) in its instance's partition: the step and party
/// it is for, its recipient (an id), when it stops working, and once used, by whom and when.
/// </summary>
public sealed record Link(
    string InstanceId,
    string Hash,
    string Step,
    string Party,
    string Recipient,
    RecipientKind RecipientKind,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt,
    string? UsedBy);

public enum LinkStatus
{
    /// <summary>Not a token of this instance: mistyped, cut, tampered with.</summary>
    Unknown,
    Live,
    Expired,

    /// <summary>A newer link for the same step and recipient was sent (a reminder): only the newest works.</summary>
    Revoked,
    Used,
}

/// <summary>What a token turned out to be.</summary>
public sealed record LinkLookup(LinkStatus Status, Link? Link)
{
    public static LinkLookup Unknown { get; } = new(LinkStatus.Unknown, null);
}

/// <summary>A link just issued: the token to put in the email (never stored), and whether a newer one has replaced it meanwhile.</summary>
public sealed record IssuedLink(string InstanceId, string Token, Link Link, bool Superseded)
{
    public string Path => $"/links/{Uri.EscapeDataString(InstanceId)}/{Token}";
}
