using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Portfolio;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Receivables;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Receivables;

/// <summary>One open document as its account's page shows it: overdue on the account's calendar day, and where its follow-up stands.</summary>
public sealed record ReceivableView(
    string Document, string SourceId, DateOnly DueDate, decimal Amount, string Currency, bool Overdue, int DaysOverdue, string FollowUpId, string? FollowUpStep);

/// <summary>An account's receivables today: the summary (total open, overdue, oldest overdue, credit-limit flag) and the documents, oldest due first.</summary>
public sealed record AccountReceivablesView(string AccountId, DateOnly Today, AccountReceivables Summary, IReadOnlyList<ReceivableView> Documents);

/// <summary>Reads an account's open receivables and adds up what they mean today.</summary>
public sealed class ReceivablesReading(ReceivablesStore store, InstanceStore instances, IOptions<PortfolioOptions> portfolio, TimeProvider clock)
{
    public async Task<AccountReceivablesView> ViewAsync(Account account, bool withSteps, CancellationToken ct)
    {
        var today = WallClock.DateOf(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone));
        var rows = (await store.DocumentsAsync(account.Id, ct)).OrderBy(r => r.Document.DueDate).ThenBy(r => r.Document.Document, StringComparer.Ordinal).ToList();
        var options = portfolio.Value;
        var summary = AccountReceivables.Of(
            [.. rows.Select(r => new OpenDocument(r.Document.Document, r.Document.DueDate, r.Document.Amount, r.Document.Currency,
                options.Accepts(r.Document.Currency) ? options.ToReporting(r.Document.Amount, r.Document.Currency) : 0m))],
            today, await store.CreditLimitAsync(account.Id, ct), options.ReportingCurrency);

        var steps = new string?[rows.Count];
        if (withSteps)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
                steps[i] = (await instances.LoadAsync(rows[i].ProcessId, token))?.Instance.Step);
        }

        var documents = rows.Select((r, i) =>
        {
            var overdue = AccountReceivables.IsOverdue(r.Document.DueDate, today);
            return new ReceivableView(
                r.Document.Document, r.Document.SourceId, r.Document.DueDate, r.Document.Amount, r.Document.Currency,
                overdue, overdue ? today.DayNumber - r.Document.DueDate.DayNumber : 0, r.ProcessId, steps[i]);
        }).ToList();
        return new AccountReceivablesView(account.Id, today, summary, documents);
    }
}
