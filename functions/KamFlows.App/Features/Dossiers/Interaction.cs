using System.ComponentModel.DataAnnotations;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Dossiers;

/// <summary>
/// One entry of an account's interaction log. It names the contacts involved by id, so it can stay
/// when one of them is erased; a complaint carries whether it is still open.
/// </summary>
public sealed record Interaction(
    string Id,
    InteractionKind Kind,
    DateTimeOffset OccurredAt,
    string Summary,
    IReadOnlyList<string> ContactIds,
    ComplaintState? Complaint,
    string RecordedByUserId,
    DateTimeOffset RecordedAt);

public sealed record InteractionInput(
    [property: Required] InteractionKind? Kind,
    [property: Required] DateTimeOffset? OccurredAt,
    [property: Required, StringLength(4000, MinimumLength = 1)] string? Summary,
    [property: MaxLength(20)] string[]? ContactIds);

/// <summary>A contact named by a log entry, as the log shows them (an erased one as "[erased]").</summary>
public sealed record ContactMention(string ContactId, string Name);

/// <summary>A log entry with the names of its contacts resolved.</summary>
public sealed record InteractionView(Interaction Interaction, IReadOnlyList<ContactMention> Contacts);
