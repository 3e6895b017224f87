using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Pages;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Receivables;

namespace KamFlows.App.Features.Receivables;

/// <summary>One of the reader's accounts with overdue receivables: its summary and its overdue documents, oldest due first (at most <see cref="MyDayReceivables.DocumentsShown"/>).</summary>
public sealed record DayReceivables(string AccountId, string AccountName, AccountReceivables Summary, IReadOnlyList<ReceivableView> Overdue)
{
    /// <summary>Overdue documents beyond those shown: the account's page lists them all.</summary>
    public int NotShown => Summary.OverdueDocuments - Overdue.Count;
}

/// <summary>
/// My day's overdue receivables for a KAM: every active account of their team with a document past
/// its due date (on the account's calendar day, as <c>GET /api/accounts/{id}/receivables</c> counts
/// it, <see cref="ReceivablesReading"/>), the account overdue longest first. The tasks the follow-ups
/// give are in the tasks section; this one shows what is owed, so a KAM sees a debt before its first
/// task and after the last one.
/// </summary>
public sealed class MyDayReceivables(TeamIndex team, AccountStore accounts, ReceivablesReading reading) : IMyDaySection
{
    public const int DocumentsShown = 5;

    public int Order => MyDaySectionOrder.Receivables;

    public async Task<MyDaySectionView?> ReadAsync(PageViewer viewer, CancellationToken ct)
    {
        // Receivables are followed up by the account's team: the section is a KAM's.
        if (viewer.User is not { } user || !user.HasRole(Role.Kam))
        {
            return null;
        }

        var shown = new List<DayReceivables>();
        foreach (var account in await team.ActiveAccountsOfAsync(user.Id, async id => (await accounts.FindAsync(id, ct))?.Value, ct))
        {
            var view = await reading.ViewAsync(account, withSteps: false, ct);
            if (view.Summary.OverdueDocuments > 0)
            {
                shown.Add(new DayReceivables(account.Id, account.Name, view.Summary, [.. view.Documents.Where(d => d.Overdue).Take(DocumentsShown)]));
            }
        }

        return new MyDaySectionView(typeof(MyDayReceivablesSection), new Dictionary<string, object>
        {
            [nameof(MyDayReceivablesSection.Accounts)] = shown
                .OrderByDescending(a => a.Summary.DaysOverdue)
                .ThenByDescending(a => a.Summary.Overdue)
                .ThenBy(a => a.AccountName, StringComparer.Ordinal)
                .ToList(),
        });
    }
}
