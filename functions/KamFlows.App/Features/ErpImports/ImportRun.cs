using Azure;
using Azure.Data.Tables;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Storage;
using KamFlows.App.Work;
using KamFlows.Domain.ErpImports;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.ErpImports;

/// <summary>
/// Runs an import from the work queue (kind <c>import</c>, id = import id): reads the file from its
/// blob row by row, stages every accepted row under the import id and records each rejected one, with
/// a checkpoint every <see cref="ErpImportOptions.FlushRows"/> rows; then the switch (one write of the
/// import's row: status Committed with its sequence) makes all of its rows count at once, and what
/// reads them is brought up to date. A crash leaves the import Running or Committed: the message comes
/// again, the lease runs out, and the run resumes (rows up to the checkpoint are read but not written
/// again). Cancelling is seen at the next checkpoint.
/// </summary>
public sealed partial class ImportRun(
    ImportStore store,
    ImportFiles files,
    StorageClients storage,
    IEnumerable<IImportKindRules> kinds,
    TeamIndex teamIndex,
    AccountStore accounts,
    BusinessUnitCatalog units,
    CrashInjection crash,
    WorkQueue work,
    TimeProvider clock,
    IOptions<ErpImportOptions> options,
    ILogger<ImportRun> logger) : IWorkItemHandler
{
    public const string WorkKind = "import";

    public string Kind => WorkKind;

    private readonly Dictionary<ImportKind, IImportKindRules> _kinds = kinds.ToDictionary(k => k.Kind);

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (await store.FindAsync(item.Id, ct) is not { } found)
        {
            return;
        }

        var (import, etag) = (found.Value, found.ETag);
        if (import.Status == ImportStatus.Running)
        {
            if (import.LeaseUntil is { } lease && lease > clock.GetUtcNow())
            {
                // Another run holds it (or held it, and died): look again when its lease runs out, so a
                // crashed run is taken over even when its own message was this one.
                var wait = lease - clock.GetUtcNow() + TimeSpan.FromSeconds(1);
                await work.SendAsync(item with { At = null, Row = null }, wait < WorkQueue.MaxDelay ? wait : WorkQueue.MaxDelay, ct);
                return;
            }

            if (import.CancelRequested)
            {
                await CancelledAsync(import.Id, ct);
                return;
            }

            import = import with { LeaseUntil = clock.GetUtcNow() + options.Value.Lease };
            try
            {
                etag = await store.UpdateAsync(import, etag, ct);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                return; // taken by another run, or cancelled: that run (or the cancel) has it
            }

            (import, etag) = await StageAsync(import, etag, ct);
        }

        if (import.Status == ImportStatus.Committed)
        {
            crash.At(SavePoint.ImportSwitchedBeforeApply);
            var touched = await store.TouchedAsync(import.Id, ct);
            await _kinds[import.Kind].ApplyAsync(import, touched, ct);
            await FinishAsync(import.Id, ImportStatus.Applied, null, ct);
        }
    }

    private async Task<(ImportRecord, ETag)> StageAsync(ImportRecord import, ETag etag, CancellationToken ct)
    {
        var o = options.Value;
        if (await store.FindSourceAsync(import.SourceId, ct) is not { } source)
        {
            return await EndAsync(import, etag, ImportStatus.Failed, "The source of this import no longer exists.", ct);
        }

        var rules = _kinds[import.Kind];
        var context = new ImportRunContext(import, source.Value, await CustomerDirectory.LoadAsync(teamIndex, accounts, units, ct));
        ImportTable table;
        try
        {
            table = await files.OpenAsync(import, source.Value, ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException or FormatException)
        {
            return await EndAsync(import, etag, ImportStatus.Failed, $"The file cannot be read as {(ImportFiles.IsWorkbook(import.FileName) ? "an .xlsx workbook" : "CSV")}.", ct);
        }

        using (table)
        {
            var map = ColumnMap.Resolve(source.Value, table.Headers, out var problems);
            if (problems.Count > 0)
            {
                return await EndAsync(import, etag, ImportStatus.Failed, string.Join(" ", problems), ct);
            }

            var checkpoint = import.Checkpoint;
            int read = 0, applied = 0, rejected = 0;
            var values = new string?[ImportFields.For(import.Kind).Count];
            var staged = new List<TableEntity>(o.FlushRows);
            var refused = new List<RejectedRow>();
            var touched = new HashSet<string>(StringComparer.Ordinal);
            var staging = storage.Table(rules.StagingTable);
            var sinceFlush = 0;
            while (await table.ReadAsync(ct))
            {
                read++;
                map.Fill(table, values);
                var row = rules.Stage(values, table.RowNumber, context);
                if (row.Entity is { } entity)
                {
                    applied++;
                    touched.Add(row.Touched!);
                    if (table.RowNumber > checkpoint)
                    {
                        staged.Add(entity);
                    }
                }
                else
                {
                    rejected++;
                    if (table.RowNumber > checkpoint)
                    {
                        refused.Add(new RejectedRow(table.RowNumber, row.Reason!));
                    }
                }

                if (++sinceFlush >= o.FlushRows)
                {
                    sinceFlush = 0;
                    if (table.RowNumber > checkpoint)
                    {
                        await WriteAsync(staging, staged, refused, import.Id, ct);
                    }

                    import = import with { RowsRead = read, RowsApplied = applied, RowsRejected = rejected, Checkpoint = Math.Max(checkpoint, table.RowNumber), Format = table.Format, LeaseUntil = clock.GetUtcNow() + o.Lease };
                    if (await CheckpointAsync(import, etag, ct) is not { } next)
                    {
                        return await CancelledAsync(import.Id, ct);
                    }

                    etag = next;
                    crash.At(SavePoint.ImportMidStaging);
                }
            }

            await WriteAsync(staging, staged, refused, import.Id, ct);
            await store.WriteTouchedAsync(import.Id, touched, ct);
            crash.At(SavePoint.ImportStagedBeforeSwitch);

            // The switch: one write of one row. Before it none of the staged rows counts, after it all do.
            // Its sequence comes after every earlier switch even when the clock stands still or an
            // instance's clock is behind, so the later file's version of a line always wins.
            var sequence = Math.Max(clock.GetUtcNow().UtcTicks, (await store.LastCommitSequenceAsync(ct)) + 1);
            import = import with
            {
                Status = ImportStatus.Committed,
                RowsRead = read,
                RowsApplied = applied,
                RowsRejected = rejected,
                Format = table.Format,
                Checkpoint = Math.Max(checkpoint, table.RowNumber),
                CommitSequence = sequence,
                CommittedAt = clock.GetUtcNow(),
                LeaseUntil = null,
            };
            if (await CheckpointAsync(import, etag, ct) is not { } committed)
            {
                return await CancelledAsync(import.Id, ct);
            }

            LogCommitted(logger, import.Id, read, applied, rejected);
            return (import, committed);
        }
    }

    private async Task WriteAsync(TableClient staging, List<TableEntity> staged, List<RejectedRow> refused, string importId, CancellationToken ct)
    {
        // A transaction is one partition and at most 100 rows: group the buffered rows by partition.
        var batches = staged.GroupBy(e => e.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct }, async (batch, token) =>
            await staging.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
        await store.WriteRejectionsAsync(importId, refused, ct);
        staged.Clear();
        refused.Clear();
    }

    /// <summary>Writes the import over the version this run holds; null when a cancel came in between (the import is then ended as cancelled).</summary>
    private async Task<ETag?> CheckpointAsync(ImportRecord import, ETag etag, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await store.UpdateAsync(import, etag, ct);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                var now = await store.FindAsync(import.Id, ct);
                if (now is null || now.Value.CancelRequested || now.Value.Status != ImportStatus.Running)
                {
                    return null;
                }

                // Written by someone else without a cancel (a lease taken over by a slower run): keep this run's counters.
                etag = now.ETag;
            }
        }
    }

    private async Task<(ImportRecord, ETag)> CancelledAsync(string importId, CancellationToken ct)
    {
        var ended = await FinishAsync(importId, ImportStatus.Cancelled, null, ct);
        return (ended.Value, ended.ETag);
    }

    private async Task<(ImportRecord, ETag)> EndAsync(ImportRecord import, ETag etag, ImportStatus status, string failure, CancellationToken ct)
    {
        var ended = await FinishAsync(import.Id, status, failure, ct);
        return (ended.Value, ended.ETag);
    }

    /// <summary>Ends an import (unless it already ended) and frees its source for the next one.</summary>
    private async Task<Http.Versioned<ImportRecord>> FinishAsync(string importId, ImportStatus status, string? failure, CancellationToken ct)
    {
        while (true)
        {
            var found = (await store.FindAsync(importId, ct))!;
            var import = found.Value;
            if (!import.Ended)
            {
                // Once switched, an import cannot be cancelled: its rows already count.
                var final = import.Counts && status != ImportStatus.Applied ? import.Status : status;
                import = import with { Status = final, Failure = failure ?? import.Failure, FinishedAt = clock.GetUtcNow(), LeaseUntil = null };
                try
                {
                    found = new Http.Versioned<ImportRecord>(import, await store.UpdateAsync(import, found.ETag, ct));
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    continue;
                }
            }

            if (import.Ended)
            {
                await store.ReleaseSourceAsync(import.SourceId, import.Id, ct);
                LogEnded(logger, import.Id, import.Status);
            }

            return found;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} switched: {Read} rows read, {Applied} applied, {Rejected} rejected")]
    private static partial void LogCommitted(ILogger logger, string importId, int read, int applied, int rejected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} ended {Status}")]
    private static partial void LogEnded(ILogger logger, string importId, ImportStatus status);
}
