namespace KamFlows.Domain.ErpImports;

/// <summary>
/// The one switch, read back: rows are staged under their import's id, so a line may have a version
/// from each import that read it. The version that counts is the one of the committed import that
/// switched last; an older committed version is superseded, and a version of an import that ended
/// without switching (cancelled, failed) never counts. Both can be deleted; a version of an import
/// still running is left alone.
/// </summary>
public static class CountingVersions
{
    public static (List<T> Counting, List<T> Obsolete) Choose<T>(
        IEnumerable<T> versions, Func<T, string> key, Func<T, string> importId,
        IReadOnlyDictionary<string, long> committed, IReadOnlySet<string> discarded)
    {
        var best = new Dictionary<string, (T Version, long Sequence)>(StringComparer.Ordinal);
        var obsolete = new List<T>();
        foreach (var version in versions)
        {
            var import = importId(version);
            if (!committed.TryGetValue(import, out var sequence))
            {
                if (discarded.Contains(import))
                {
                    obsolete.Add(version);
                }

                continue;
            }

            var k = key(version);
            if (best.TryGetValue(k, out var current))
            {
                // Equal sequences (two sources switching in the same tick) are ordered by import id, so
                // every reader chooses the same version.
                if (current.Sequence > sequence || (current.Sequence == sequence && string.CompareOrdinal(importId(current.Version), import) >= 0))
                {
                    obsolete.Add(version);
                    continue;
                }

                obsolete.Add(current.Version);
            }

            best[k] = (version, sequence);
        }

        return ([.. best.Values.Select(b => b.Version)], obsolete);
    }
}
