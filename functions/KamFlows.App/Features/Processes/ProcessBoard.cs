using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Work;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Processes;

/// <summary>What the board is asked to show: one process definition, one KAM's, one account's; a page of it.</summary>
public sealed record BoardFilter(string? Definition, string? KamUserId, string? AccountId, string? Page);

/// <summary>One running process on the board, with the names it needs and what keeps failing.</summary>
public sealed record BoardRow(
    ProcessSummary Process, string? AccountName, IReadOnlyList<string> WaitingOnNames, bool Late, IReadOnlyList<EffectView> FailingEffects);

/// <summary>A choice of a filter: its value and what a person reads.</summary>
public sealed record BoardChoice(string Value, string Label);

/// <summary>The board: the rows, the next page, the choices of each filter, and the poison kept.</summary>
public sealed record BoardView(
    BoardFilter Filter,
    IReadOnlyList<BoardRow> Rows,
    string? NextPage,
    bool Truncated,
    IReadOnlyList<BoardChoice> Definitions,
    IReadOnlyList<BoardChoice> Kams,
    IReadOnlyList<BoardChoice> Accounts,
    IReadOnlyList<PoisonMessage> Poison);

/// <summary>
/// "Where is it stuck": the running processes from the process lists (<see cref="ProcessIndex"/>),
/// one partition per question, never a table scan: all running ones (<c>status|Running</c>), one
/// definition's (<c>def|…</c>), one account's (<c>account|…</c>); a KAM's are those waiting on them
/// (<c>waiting|…</c>) together with those of each of their active accounts. Late first, then the
/// longest waiting; names of people and accounts read once per page.
/// </summary>
public sealed class ProcessBoard(
    ProcessIndex index, InstanceStore instances, PoisonStore poison, UserDirectory users, AccountStore accounts, ProcessRegistry registry, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>The most rows a KAM's board gathers from their partitions (it is not paged).</summary>
    public const int MostKamRows = 200;

    public const int MostPoisonShown = 50;

    public async Task<BoardView> ReadAsync(BoardFilter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var kams = await KamsAsync(ct);
        var kamAccounts = filter.KamUserId is { } kam ? await AccountsOfAsync(kam, ct) : [];
        var (summaries, next, truncated) = await SummariesAsync(filter, kamAccounts, ct);

        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        var accountNames = kamAccounts.ToDictionary(a => a.Id, a => (string?)a.Name, StringComparer.Ordinal);
        var rows = new List<BoardRow>();
        foreach (var s in summaries)
        {
            var waiting = new List<string>();
            foreach (var id in s.WaitingOnUsers)
            {
                if (!names.TryGetValue(id, out var name))
                {
                    name = names[id] = (await users.FindAsync(id, ct))?.Value.DisplayName;
                }

                waiting.Add(name ?? id);
            }

            string? accountName = null;
            if (s.AccountId is { } accountId && !accountNames.TryGetValue(accountId, out accountName))
            {
                accountName = accountNames[accountId] = (await accounts.FindAsync(accountId, ct))?.Value.Name;
            }

            // The list counts failing effects; what they are and why is on the instance.
            var failing = s.FailingEffects > 0 && (await instances.LoadAsync(s.Id, ct))?.Instance is { } instance
                ? instance.Outbox.Where(e => e.Attempts > 0).Select(e => new EffectView(e.Id, e.Kind, e.Attempts, e.LastError, e.LastAttemptAt)).ToList()
                : [];
            rows.Add(new BoardRow(s, accountName, waiting, ProcessLateness.IsLate(s, now), failing));
        }

        var ordered = rows.OrderByDescending(r => r.Late).ThenByDescending(r => r.FailingEffects.Count > 0)
            .ThenBy(r => r.Process.WaitingSince ?? r.Process.UpdatedAt).ToList();
        var definitions = registry.All.Select(d => d.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(n => new BoardChoice(n, n)).ToList();
        var kept = (await poison.ListAsync(null, MostPoisonShown, ct)).Items.Where(p => p.ReplayedAt is null).ToList();
        var accountChoices = kamAccounts.Select(a => new BoardChoice(a.Id, a.Name)).ToList();
        if (filter.AccountId is { } chosen && accountChoices.All(c => c.Value != chosen))
        {
            accountChoices.Add(new BoardChoice(chosen, accountNames.GetValueOrDefault(chosen) ?? (await accounts.FindAsync(chosen, ct))?.Value.Name ?? chosen));
        }

        return new BoardView(filter, ordered, next, truncated, definitions, kams, accountChoices, kept);
    }

    private async Task<(IReadOnlyList<ProcessSummary> Rows, string? Next, bool Truncated)> SummariesAsync(
        BoardFilter filter, IReadOnlyList<Account> kamAccounts, CancellationToken ct)
    {
        if (filter.AccountId is not null || filter.KamUserId is null)
        {
            var page = await index.ListAsync(new ProcessListQuery(filter.Definition, ProcessStatus.Running, filter.AccountId, null), filter.Page, PageSize, ct);
            return (page.Items, page.ContinuationToken, false);
        }

        // A KAM's processes: those waiting on them and those of their accounts, each one partition, gathered whole.
        var found = new Dictionary<string, ProcessSummary>(StringComparer.Ordinal);
        var queries = kamAccounts.Select(a => new ProcessListQuery(filter.Definition, ProcessStatus.Running, a.Id, null))
            .Prepend(new ProcessListQuery(filter.Definition, ProcessStatus.Running, null, filter.KamUserId));
        foreach (var query in queries)
        {
            string? token = null;
            do
            {
                var page = await index.ListAsync(query, token, PageSize, ct);
                foreach (var s in page.Items)
                {
                    found.TryAdd(s.Id, s);
                }

                token = page.ContinuationToken;
                if (found.Count >= MostKamRows)
                {
                    return ([.. found.Values.Take(MostKamRows)], null, true);
                }
            }
            while (token is not null);
        }

        return ([.. found.Values], null, false);
    }

    private async Task<IReadOnlyList<BoardChoice>> KamsAsync(CancellationToken ct)
    {
        var kams = new List<BoardChoice>();
        string? token = null;
        do
        {
            var page = await users.ListAsync(token, Paging.MaxPageSize, ct);
            kams.AddRange(page.Items.Where(u => u.Active && u.HasRole(Role.Kam)).Select(u => new BoardChoice(u.Id, u.DisplayName)));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return [.. kams.OrderBy(k => k.Label, StringComparer.CurrentCulture)];
    }

    private async Task<IReadOnlyList<Account>> AccountsOfAsync(string kamUserId, CancellationToken ct)
    {
        var found = new List<Account>();
        string? token = null;
        do
        {
            var page = await accounts.ListAsync(kamUserId, null, AccountStatus.Active, token, Paging.MaxPageSize, ct);
            found.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return [.. found.OrderBy(a => a.Name, StringComparer.CurrentCulture)];
    }
}
