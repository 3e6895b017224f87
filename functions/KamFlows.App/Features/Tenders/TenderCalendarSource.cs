using KamFlows.App.Features.CalendarFeeds;
using KamFlows.App.Http;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Tenders;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Tenders;

/// <summary>
/// Tenders in a calendar feed: the tender date and the due day of each milestone not yet done, as
/// all-day events, for the tenders the owner may see (<see cref="TenderReports"/>: a head of KAM all
/// of them, a KAM their accounts'). Only buyer and reference are named, never a contact.
/// </summary>
public sealed class TenderCalendarSource(TenderReports reports, IOptions<AppOptions> app) : ICalendarFeedSource
{
    public async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarFeedOwner owner, CalendarWindow window, CancellationToken ct)
    {
        var from = WallClock.DateOf(window.From, owner.Zone);
        var to = WallClock.DateOf(window.To, owner.Zone);
        var page = new Uri(app.Value.PublicBaseUrl!, TenderCalendarPages.Path);
        var category = owner.Text["feed.tender.category"];
        var entries = new List<CalendarEntry>();
        foreach (var tender in await reports.VisibleAsync(owner.Principal, ct))
        {
            if (tender.Status is not (TenderPhase.New or TenderPhase.BidDecision or TenderPhase.Preparing or TenderPhase.AwaitingOutcome))
            {
                continue;
            }

            var name = $"{tender.Buyer} · {tender.Reference}";
            if (tender.TenderDate >= from && tender.TenderDate <= to)
            {
                entries.Add(new CalendarEntry($"tender-{tender.Id}@kamflows", owner.Text.Format("feed.tender.date", name),
                    new CalendarTime.AllDay(tender.TenderDate), null, page, category));
            }

            foreach (var milestone in tender.Milestones.Where(m => m.Status != MilestoneStatus.Done && m.Due >= from && m.Due <= to))
            {
                entries.Add(new CalendarEntry($"tender-{tender.Id}-{milestone.Milestone}@kamflows",
                    $"{owner.Text.Or("tenders.milestone." + milestone.Milestone, milestone.Milestone)} · {name}",
                    new CalendarTime.AllDay(milestone.Due), owner.Text["feed.tender.milestone"], page, category));
            }
        }

        return entries;
    }
}
