namespace KamFlows.Domain.Pipeline;

/// <summary>
/// How likely a deal at each stage is to be won, a share from 0 to 1 per kind and stage. The
/// department sets them (they are its experience, not a law); a stage without a likelihood counts at
/// <see cref="Unknown"/>, so a new stage shows up as unweighted rather than failing the page.
/// </summary>
public sealed record StageLikelihoods(IReadOnlyDictionary<OpportunityKind, IReadOnlyDictionary<string, decimal>> ByKind)
{
    public const decimal Unknown = 0m;

    public decimal Of(OpportunityKind kind, string stage) =>
        ByKind.TryGetValue(kind, out var stages) && stages.TryGetValue(stage, out var likelihood) ? likelihood : Unknown;

    /// <summary>The first likelihood outside 0..1, described; null when all are shares.</summary>
    public string? Problem() =>
        ByKind.SelectMany(k => k.Value.Select(s => (Kind: k.Key, Stage: s.Key, Share: s.Value)))
            .Where(s => s.Share is < 0 or > 1)
            .Select(s => $"the likelihood of {s.Kind} stage {s.Stage} must be a share from 0 to 1, not {s.Share}")
            .FirstOrDefault();
}
