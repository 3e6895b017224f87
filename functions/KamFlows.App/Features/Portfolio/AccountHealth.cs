using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Features.Visits;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Portfolio;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Portfolio;

/// <summary>
/// An account's health from what the dossier and the revenue store hold: its contacts (decision
/// makers, who is still there, last met), its interaction log (meetings, complaints) and its revenue
/// per quarter over the quarters the trend needs. Dates are the account's local dates.
/// </summary>
public sealed class AccountHealth(ContactStore contacts, DossierLog log, VisitStore visits, RevenueStore revenue, IOptions<PortfolioOptions> options, TimeProvider clock)
{
    private const int TrendQuarters = 4;

    public async Task<AccountHealthView> ViewAsync(Account account, CancellationToken ct)
    {
        var o = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone);
        var today = WallClock.DateOf(clock.GetUtcNow(), zone);
        // The oldest trend point compares the two quarters before its own; the newest point is today.
        var range = new QuarterRange(Quarter.LastCompleteOn(today).Plus(-(TrendQuarters - 1) - 2), TrendQuarters + 3);
        var readContacts = contacts.AllAsync(account.Id, ct);
        var readLog = log.AllInteractionsAsync(account.Id, ct);
        var readRevenue = revenue.ReadAccountAsync(account.Id, range, ct);

        var perQuarter = new Dictionary<Quarter, decimal>();
        foreach (var row in (await readRevenue).Where(r => o.Accepts(r.Currency)))
        {
            var q = Quarter.Parse(row.Quarter);
            perQuarter[q] = perQuarter.GetValueOrDefault(q) + o.ToReporting(row.NetValue, row.Currency);
        }

        var facts = new AccountFacts(
            WallClock.DateOf(account.CreatedAt, zone),
            [.. (await readContacts).Values.Select(c => new ContactFact(c.Id, c.Role == DecisionRole.DecisionMaker, c.Active, c.LastInteractionOn))],
            [.. (await readLog).Select(i => new InteractionFact(i.Id, WallClock.DateOf(i.OccurredAt, zone), i.Kind, i.ContactIds, i.Complaint == ComplaintState.Open))],
            perQuarter)
        {
            MissedVisits = [.. (await visits.ListAsync(account.Id, ct)).Where(v => v.IsMissedOn(today)).Select(v => v.PlannedOn)],
        };
        var report = HealthScore.Report(facts, today, o.Health, TrendQuarters);
        return new AccountHealthView(account.Id, today, report.Now, report.Quarterly, o.Health);
    }
}
