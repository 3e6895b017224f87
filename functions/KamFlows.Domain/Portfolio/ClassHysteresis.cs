using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>Why an account has the class it has in a quarter.</summary>
public enum ClassChange
{
    /// <summary>Same class as the quarter before.</summary>
    None,

    /// <summary>The first quarter looked at: the class the revenue gives.</summary>
    Initial,

    /// <summary>The revenue put the account across a boundary of its class two quarters running.</summary>
    Crossed,

    /// <summary>Set by hand, with a reason.</summary>
    Override,
}

/// <summary>An account's class in one quarter, and why.</summary>
public readonly record struct ClassStep(AccountClass Class, ClassChange Change);

/// <summary>
/// Hysteresis: an account changes class only when its revenue puts it across a boundary of its
/// class for two consecutive quarters (both on the same side), or by a manual override. Across two
/// boundaries at once (A, then B and C) it moves one class, the nearer one, unless both quarters
/// are beyond both; it has been beyond the far one only once. An override holds for its quarter and
/// only the quarters after it count as evidence, so it stands at least one more quarter. The first
/// quarter takes the class its revenue gives (or its override).
/// </summary>
public static class ClassHysteresis
{
    /// <param name="raw">The class the revenue gives, quarter by quarter (see <see cref="ParetoClassification"/>).</param>
    /// <param name="overrides">A class set by hand per quarter, or null; same length as <paramref name="raw"/>.</param>
    public static ClassStep[] Apply(ReadOnlySpan<AccountClass> raw, ReadOnlySpan<AccountClass?> overrides)
    {
        if (overrides.Length != raw.Length)
        {
            throw new ArgumentException("One override slot per quarter.", nameof(overrides));
        }

        var steps = new ClassStep[raw.Length];
        var lastOverride = -1;
        for (var t = 0; t < raw.Length; t++)
        {
            if (overrides[t] is { } set)
            {
                steps[t] = new ClassStep(set, ClassChange.Override);
                lastOverride = t;
                continue;
            }

            if (t == 0)
            {
                steps[t] = new ClassStep(raw[0], ClassChange.Initial);
                continue;
            }

            var current = steps[t - 1].Class;
            var evidence = t - 1 > lastOverride;
            steps[t] = evidence && SameSideOf(current, raw[t - 1], raw[t])
                ? new ClassStep(Nearer(current, raw[t - 1], raw[t]), ClassChange.Crossed)
                : new ClassStep(current, ClassChange.None);
        }

        return steps;
    }

    /// <summary>Both quarters' classes are better than <paramref name="current"/>, or both worse.</summary>
    private static bool SameSideOf(AccountClass current, AccountClass first, AccountClass second) =>
        (first < current && second < current) || (first > current && second > current);

    private static AccountClass Nearer(AccountClass current, AccountClass first, AccountClass second) =>
        Math.Abs(first - current) <= Math.Abs(second - current) ? first : second;
}
