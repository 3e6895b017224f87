using System.Security.Claims;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Security;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Tenders;

namespace KamFlows.App.Features.Tenders;

/// <summary>
/// The tender calendar and the win/loss figures, across accounts: everyone's for heads of KAM,
/// directors and administrators, a KAM's own accounts' for a KAM. Each tender's status is read
/// from its process (one point read each: a department has hundreds of tenders, not millions).
/// </summary>
public sealed class TenderReports(TenderStore store, AccountStore accounts, InstanceStore instances, TimeProvider clock)
{
    public async Task<TenderCalendar> CalendarAsync(ClaimsPrincipal who, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var lines = new List<TenderCalendarLine>();
        foreach (var view in await VisibleAsync(who, ct))
        {
            if (view.TenderDate >= from && view.TenderDate <= to)
            {
                lines.Add(TenderCalendarLine.Of(view));
            }
        }

        return new TenderCalendar(from, to, [.. lines.OrderBy(l => l.TenderDate).ThenBy(l => l.Reference, StringComparer.Ordinal)]);
    }

    public async Task<TenderOutcomes> OutcomesAsync(ClaimsPrincipal who, CancellationToken ct)
    {
        var ended = (await VisibleAsync(who, ct)).Where(v => v.Status is not (TenderPhase.BidDecision or TenderPhase.Preparing or TenderPhase.AwaitingOutcome or TenderPhase.New)).ToList();
        return new TenderOutcomes(
            OutcomeCounts.Of(ended.Select(v => v.Status)),
            [.. ended.Where(v => v.Status == TenderPhase.Lost).SelectMany(v => v.Reasons.Select(r => r.ToLowerInvariant()))
                .GroupBy(r => r, StringComparer.Ordinal).Select(g => new LossReason(g.Key, g.Count())).OrderByDescending(r => r.Lost).ThenBy(r => r.Reason, StringComparer.Ordinal)],
            By(ended, v => v.Buyer),
            By(ended, v => v.BusinessUnit));
    }

    private static List<OutcomesByKey> By(IEnumerable<TenderView> ended, Func<TenderView, string> key) =>
        [.. ended.GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new OutcomesByKey(g.Key, OutcomeCounts.Of(g.Select(v => v.Status)))).OrderBy(g => g.Key, StringComparer.Ordinal)];

    /// <summary>Every tender <paramref name="who"/> may see, with where its preparation stands.</summary>
    public async Task<List<TenderView>> VisibleAsync(ClaimsPrincipal who, CancellationToken ct)
    {
        var everyone = who.Has(Role.HeadOfKam) || who.Has(Role.Director) || who.Has(Role.Admin);
        var me = who.KamFlowsUserId();
        var known = new Dictionary<string, Account?>(StringComparer.Ordinal);
        var views = new List<TenderView>();
        foreach (var tender in await store.AllAsync(ct))
        {
            if (!known.TryGetValue(tender.AccountId, out var account))
            {
                account = known[tender.AccountId] = (await accounts.FindAsync(tender.AccountId, ct))?.Value;
            }

            if (account is null || (!everyone && !account.IsInTeam(me)) || await instances.LoadAsync(tender.ProcessId, ct) is not { } found)
            {
                continue;
            }

            var today = Domain.Calendar.WallClock.DateOf(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone));
            // No contact names on a calendar line: the gaps are counted, not shown.
            views.Add(TenderView.Of(tender, found.Instance, today, new Dictionary<string, Contacts.Contact>()));
        }

        return views;
    }
}
