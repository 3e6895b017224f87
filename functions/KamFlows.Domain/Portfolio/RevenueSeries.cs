using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>Consecutive quarters, from <see cref="First"/>, <see cref="Count"/> of them.</summary>
public readonly record struct QuarterRange(Quarter First, int Count)
{
    public Quarter Last => First.Plus(Count - 1);

    public static QuarterRange Ending(Quarter last, int count) => new(last.Plus(1 - count), count);

    /// <summary>The position of <paramref name="quarter"/> in the range, or -1 outside it.</summary>
    public int IndexOf(Quarter quarter) => quarter.Index - First.Index is var i && i >= 0 && i < Count ? i : -1;

    public Quarter this[int index] => First.Plus(index);

    public IEnumerable<Quarter> Quarters() => Enumerable.Range(0, Count).Select(First.Plus);
}

/// <summary>
/// Net revenue of one account (customer) per quarter of a <see cref="QuarterRange"/>, in the reporting
/// currency; a quarter without sales is 0. Net may be negative: credit notes can outweigh sales.
/// </summary>
public sealed record AccountRevenue(string AccountId, decimal[] NetByQuarter);
