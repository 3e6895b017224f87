using KamFlows.Domain.ErpImports;

namespace KamFlows.Domain.Tests.ErpImports;

public sealed class CountingVersionsTests
{
    private sealed record V(string Key, string Import);

    private static (List<V> Counting, List<V> Obsolete) Choose(V[] versions, Dictionary<string, long> committed, params string[] discarded) =>
        CountingVersions.Choose(versions, v => v.Key, v => v.Import, committed, discarded.ToHashSet());

    [Fact]
    public void Rows_of_an_import_that_has_not_switched_do_not_count_and_are_kept()
    {
        var (counting, obsolete) = Choose([new("k1", "running")], []);
        Assert.Empty(counting);
        Assert.Empty(obsolete);
    }

    [Fact]
    public void Of_two_committed_versions_of_a_line_the_later_switch_counts_and_the_earlier_is_obsolete()
    {
        V first = new("k1", "i1"), again = new("k1", "i2"), other = new("k2", "i1");
        var (counting, obsolete) = Choose([again, first, other], new() { ["i1"] = 10, ["i2"] = 20 });
        Assert.Equal([again, other], counting.OrderBy(v => v.Key));
        Assert.Equal([first], obsolete);
    }

    [Fact]
    public void Two_switches_with_the_same_sequence_choose_the_same_version_whichever_is_read_first()
    {
        V a = new("k1", "i-a"), b = new("k1", "i-b");
        var committed = new Dictionary<string, long> { ["i-a"] = 5, ["i-b"] = 5 };
        Assert.Equal([b], Choose([a, b], committed).Counting);
        Assert.Equal([b], Choose([b, a], committed).Counting);
    }

    [Fact]
    public void Rows_of_a_cancelled_import_never_count_and_are_obsolete()
    {
        V cancelled = new("k1", "c"), kept = new("k1", "i1");
        var (counting, obsolete) = Choose([cancelled, kept], new() { ["i1"] = 1 }, "c");
        Assert.Equal([kept], counting);
        Assert.Equal([cancelled], obsolete);
    }
}
