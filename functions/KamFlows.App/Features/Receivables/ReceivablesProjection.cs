using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.ErpImports;
using KamFlows.Domain.Receivables;

namespace KamFlows.App.Features.Receivables;

/// <summary>
/// After a receivables import's switch: works out each account's open documents from the versions
/// that count (<see cref="CountingVersions"/>, then <see cref="ReceivableSnapshots"/>: a full snapshot
/// closes what it leaves out, a partial import never), tells the follow-ups what changed (opened,
/// moved, paid), and only then writes the account's open documents. A crash before that write makes
/// the rerun find the same differences and send the same inputs, which the engine recognises by their
/// ids; after it, there is nothing left to send. Obsolete versions met on the way are deleted.
/// </summary>
public sealed partial class ReceivablesProjection(
    StorageClients storage, ImportStore imports, ReceivablesStore store, ReceivableFollowUps followUps, AccountStore accounts,
    ILogger<ReceivablesProjection> logger)
{
    private readonly TableClient _lines = storage.Table(StorageLayout.ReceivableLinesTable);

    /// <summary>The switches, and of each source its latest full snapshot (sequence, import id).</summary>
    private sealed record Imports(ImportSwitches Switches, IReadOnlyDictionary<string, (long Sequence, string Id)> LastFull);

    public async Task ApplyAsync(ImportRecord import, IReadOnlyList<string> touched, CancellationToken ct)
    {
        var all = await imports.AllAsync(ct);
        var known = new Imports(
            ImportSwitches.Of(all),
            all.Where(i => i.Counts && i.Kind == ImportKind.Receivables && i.Scope == SnapshotScope.Full)
                .GroupBy(i => i.SourceId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(i => (i.CommitSequence!.Value, i.Id)).Max(), StringComparer.Ordinal));

        var accountIds = touched.ToHashSet(StringComparer.Ordinal);
        if (import.Scope == SnapshotScope.Full)
        {
            // An account the snapshot does not name at all may still have had documents open: all paid now.
            accountIds.UnionWith(await store.AccountsWithDocumentsOfAsync(import.SourceId, ct));
        }

        await Parallel.ForEachAsync(accountIds, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (accountId, token) =>
            await ApplyAsync(accountId, known, token));
        LogApplied(logger, import.Id, accountIds.Count);
    }

    private async Task ApplyAsync(string accountId, Imports known, CancellationToken ct)
    {
        var versions = new List<TableEntity>();
        await foreach (var row in _lines.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {accountId}"), cancellationToken: ct))
        {
            versions.Add(row);
        }

        var (counting, obsolete) = CountingVersions.Choose(versions, KeyOf, ImportOf, known.Switches.Committed, known.Switches.Discarded);
        if (await accounts.FindAsync(accountId, ct) is { Value: { Status: AccountStatus.Active } account })
        {
            var open = counting
                .Where(v => ReceivableSnapshots.IsOpen(known.Switches.Committed[ImportOf(v)], known.LastFull.TryGetValue(v.GetString("SourceId"), out var full) ? full.Sequence : 0))
                .Select(ToRow)
                .ToList();
            var before = await store.DocumentsAsync(accountId, ct);
            await TellFollowUpsAsync(account, before, open, known, ct);
            await store.ReplaceAsync(accountId, before, open, ct);
        }

        foreach (var chunk in obsolete.Chunk(100))
        {
            await _lines.SubmitTransactionAsync(chunk.Select(v => new TableTransactionAction(TableTransactionActionType.Delete, v, ETag.All)), ct);
        }
    }

    private async Task TellFollowUpsAsync(
        Account account, IReadOnlyList<OpenReceivableRow> before, IReadOnlyList<OpenReceivableRow> open, Imports known, CancellationToken ct)
    {
        var previous = before.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var row in open)
        {
            if (!previous.TryGetValue(row.Key, out var was))
            {
                await followUps.OpenAsync(account, row.Document, ct);
            }
            else if (was.Document != row.Document)
            {
                await followUps.SeenAsync(row.Document, row.ImportId, ct);
            }
        }

        var still = open.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in before.Where(r => !still.Contains(r.Key)))
        {
            // Only a full snapshot closes a document, so its source has one.
            await followUps.PaidAsync(gone.Document.SourceId, gone.Document.Document, known.LastFull[gone.Document.SourceId].Id, ct);
        }
    }

    private static string KeyOf(TableEntity v) => v.RowKey[..v.RowKey.LastIndexOf('|')];

    private static string ImportOf(TableEntity v) => v.RowKey[(v.RowKey.LastIndexOf('|') + 1)..];

    private static OpenReceivableRow ToRow(TableEntity v)
    {
        var (document, unit) = ReceivableColumns.Read(v);
        return new OpenReceivableRow(KeyOf(v), document, unit, ImportOf(v));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Receivables import {ImportId} applied to {Accounts} accounts")]
    private static partial void LogApplied(ILogger logger, string importId, int accounts);
}
