using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Visits;

/// <summary>An account of the KAM's portfolio as the planner sees it: its class, and a cadence set for it by hand (which wins).</summary>
public sealed record PlannedAccount(string AccountId, AccountClass? Class, Cadence? Override = null);

/// <summary>A visit or call the week's plan holds: which account, how, on which day.</summary>
public sealed record PlannedContact(string AccountId, InteractionKind Kind, DateOnly On);

/// <summary>
/// The KAM's week of visits and calls. An account is due in a week when the week's number, shifted by
/// a phase that follows from the account's id, is a multiple of its cadence: every week for weekly,
/// every other week for two-weekly, and so on; the phase spreads the accounts of one cadence over its
/// weeks, and a class change takes effect from the next week planned. The week's contacts go to its
/// business days (the KAM's calendar: holidays and weekends are not among them) in turn, A accounts
/// first, so no day carries more than one more than another. A week without a business day plans nothing.
/// The plan is a function of its inputs: planning a week again gives the same plan.
/// </summary>
public static class WeekPlanner
{
    public static IReadOnlyList<PlannedContact> Plan(
        IsoWeek week, IReadOnlyList<PlannedAccount> accounts, IReadOnlyList<DateOnly> businessDays, CadenceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(businessDays);
        ArgumentNullException.ThrowIfNull(settings);
        var days = businessDays.Where(d => IsoWeek.Of(d) == week).Distinct().Order().ToList();
        if (days.Count == 0)
        {
            return [];
        }

        var due = accounts
            .Select(a => (Account: a, Cadence: a.Override ?? settings.For(a.Class)))
            .Where(a => IsDue(week, a.Account.AccountId, a.Cadence.EveryWeeks))
            .OrderBy(a => a.Account.Class ?? AccountClass.C)
            .ThenBy(a => a.Account.AccountId, StringComparer.Ordinal)
            .ToList();
        return [.. due.Select((a, i) => new PlannedContact(a.Account.AccountId, a.Cadence.Kind, days[i % days.Count]))];
    }

    public static bool IsDue(IsoWeek week, string accountId, int everyWeeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyWeeks, 1);
        return (week.Number + Phase(accountId, everyWeeks)) % everyWeeks == 0;
    }

    /// <summary>A stable phase per account (FNV-1a of its id): the same on every machine and run, unlike string.GetHashCode.</summary>
    private static int Phase(string accountId, int everyWeeks)
    {
        var hash = 2166136261u;
        foreach (var c in accountId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)everyWeeks);
    }
}
