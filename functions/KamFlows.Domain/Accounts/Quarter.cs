using System.Globalization;

namespace KamFlows.Domain.Accounts;

/// <summary>
/// A calendar quarter ("2026-Q1"): the period revenue is recorded for, milestones are set for and
/// the A/B/C class is recomputed for. Ordered; <see cref="Index"/> counts quarters since year 0, so
/// the distance between two quarters is a subtraction.
/// </summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    public Quarter(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        Year = year;
        Number = number;
    }

    public int Year { get; }

    /// <summary>1 to 4.</summary>
    public int Number { get; }

    public int Index => (Year * 4) + Number - 1;

    public DateOnly FirstDay => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public static Quarter FromIndex(int index) => new(index / 4, (index % 4) + 1);

    /// <summary>Reads "2026-Q1" (the only spelling: the one <see cref="RevenuePeriod"/> accepts).</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (!RevenuePeriod.IsValid(text))
        {
            return false;
        }

        quarter = new Quarter(int.Parse(text![..4], CultureInfo.InvariantCulture), text[6] - '0');
        return true;
    }

    public static Quarter Parse(string text) =>
        TryParse(text, out var quarter) ? quarter : throw new FormatException($"'{text}' is not a quarter such as 2026-Q1.");

    public Quarter Plus(int quarters) => FromIndex(Index + quarters);

    /// <summary>The last quarter complete on <paramref name="date"/>: its own quarter on the quarter's last day, else the one before.</summary>
    public static Quarter LastCompleteOn(DateOnly date) => Of(date) is var q && q.LastDay == date ? q : q.Plus(-1);

    public int CompareTo(Quarter other) => Index.CompareTo(other.Index);

    public static bool operator <(Quarter left, Quarter right) => left.Index < right.Index;

    public static bool operator >(Quarter left, Quarter right) => left.Index > right.Index;

    public static bool operator <=(Quarter left, Quarter right) => left.Index <= right.Index;

    public static bool operator >=(Quarter left, Quarter right) => left.Index >= right.Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");
}
