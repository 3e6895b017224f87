namespace KamFlows.App.Features.ErpImports;

/// <summary>
/// What decides which staged rows count (<see cref="Domain.ErpImports.CountingVersions"/>): the switch
/// sequence of every import that switched, and the imports that ended without switching.
/// </summary>
public sealed record ImportSwitches(IReadOnlyDictionary<string, long> Committed, IReadOnlySet<string> Discarded)
{
    public static ImportSwitches Of(IEnumerable<ImportRecord> imports)
    {
        var list = imports as IReadOnlyCollection<ImportRecord> ?? [.. imports];
        return new(
            list.Where(i => i.Counts).ToDictionary(i => i.Id, i => i.CommitSequence!.Value, StringComparer.Ordinal),
            list.Where(i => i.Discarded).Select(i => i.Id).ToHashSet(StringComparer.Ordinal));
    }
}
