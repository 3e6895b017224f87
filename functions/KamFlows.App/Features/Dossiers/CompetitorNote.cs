using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Features.Dossiers;

/// <summary>What the team learnt about a competitor at this account.</summary>
public sealed record CompetitorNote(string Id, string Competitor, string Note, string RecordedByUserId, DateTimeOffset RecordedAt);

public sealed record CompetitorNoteInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string? Competitor,
    [property: Required, StringLength(4000, MinimumLength = 1)] string? Note);
