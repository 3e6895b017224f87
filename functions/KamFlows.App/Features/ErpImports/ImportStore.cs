using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Http;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.ErpImports;

/// <summary>A rejected row: its number in the file and why.</summary>
public sealed record RejectedRow(int Row, string Reason);

/// <summary>
/// Table <c>imports</c>: partition <c>source</c> (a row per source: its mapping, and the import that
/// holds it while running), partition <c>import</c> (a row per import: status and counters, the switch),
/// <c>rejects|{importId}</c> (a row per rejected row) and <c>touched|{importId}</c> (the account
/// quarters a sales import changes, or the accounts a receivables import names).
/// </summary>
public sealed class ImportStore(StorageClients storage)
{
    private const string SourcePartition = "source";
    private const string ImportPartition = "import";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly TableClient _table = storage.Table(StorageLayout.ImportsTable);

    public async Task<Versioned<ImportSource>?> FindSourceAsync(string id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(SourcePartition, id, cancellationToken: ct);
        return row.HasValue ? new Versioned<ImportSource>(Read<ImportSource>(row.Value!), row.Value!.ETag) : null;
    }

    public async Task<IReadOnlyList<ImportSource>> SourcesAsync(CancellationToken ct)
    {
        var sources = new List<ImportSource>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {SourcePartition}"), cancellationToken: ct))
        {
            sources.Add(Read<ImportSource>(row));
        }

        return sources;
    }

    /// <summary>Saves a source's mapping, keeping which import holds it.</summary>
    public async Task SaveSourceAsync(ImportSource source, CancellationToken ct)
    {
        var row = new TableEntity(SourcePartition, source.Id) { ["Json"] = JsonSerializer.Serialize(source, Json) };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, ct);
    }

    /// <summary>
    /// Makes <paramref name="importId"/> the one import of its source that runs (imports of one source
    /// switch in order, so a later file's lines always win). False when another holds it.
    /// </summary>
    public async Task<bool> ClaimSourceAsync(string sourceId, string importId, Func<string, Task<bool>> isEnded, CancellationToken ct)
    {
        while (true)
        {
            var row = (await _table.GetEntityAsync<TableEntity>(SourcePartition, sourceId, cancellationToken: ct)).Value;
            var holder = row.GetString("ActiveImport");
            if (holder == importId)
            {
                return true;
            }

            if (holder is { Length: > 0 } && !await isEnded(holder))
            {
                return false;
            }

            row["ActiveImport"] = importId;
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another import claimed it between the read and the write: look again.
            }
        }
    }

    public async Task ReleaseSourceAsync(string sourceId, string importId, CancellationToken ct)
    {
        var row = (await _table.GetEntityAsync<TableEntity>(SourcePartition, sourceId, cancellationToken: ct)).Value;
        if (row.GetString("ActiveImport") == importId)
        {
            row["ActiveImport"] = "";
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Taken over meanwhile: nothing of ours to release.
            }
        }
    }

    public async Task CreateAsync(ImportRecord import, CancellationToken ct) =>
        await _table.AddEntityAsync(new TableEntity(ImportPartition, import.Id) { ["Json"] = JsonSerializer.Serialize(import, Json) }, ct);

    public async Task<Versioned<ImportRecord>?> FindAsync(string id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(ImportPartition, id, cancellationToken: ct);
        return row.HasValue ? new Versioned<ImportRecord>(Read<ImportRecord>(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Writes the import over the version read (If-Match): the switch is one such write.</summary>
    public async Task<ETag> UpdateAsync(ImportRecord import, ETag ifMatch, CancellationToken ct)
    {
        var response = await _table.UpdateEntityAsync(new TableEntity(ImportPartition, import.Id) { ["Json"] = JsonSerializer.Serialize(import, Json) }, ifMatch, TableUpdateMode.Replace, ct);
        return response.Headers.ETag!.Value;
    }

    /// <summary>Every import, newest first (one partition: a company imports a few files a week).</summary>
    public async Task<IReadOnlyList<ImportRecord>> AllAsync(CancellationToken ct)
    {
        var imports = new List<ImportRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ImportPartition}"), cancellationToken: ct))
        {
            imports.Add(Read<ImportRecord>(row));
        }

        return [.. imports.OrderByDescending(i => i.CreatedAt)];
    }

    /// <summary>The sequence of the last switch of any import, 0 when none has switched.</summary>
    public async Task<long> LastCommitSequenceAsync(CancellationToken ct) =>
        (await AllAsync(ct)).Select(i => i.CommitSequence ?? 0).DefaultIfEmpty(0).Max();

    public async Task WriteRejectionsAsync(string importId, IReadOnlyList<RejectedRow> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity($"rejects|{importId}", r.Row.ToString("D9", CultureInfo.InvariantCulture)) { ["Reason"] = r.Reason })), ct);
        }
    }

    public Task<PagedList<RejectedRow>> RejectionsAsync(string importId, string? continuation, int pageSize, CancellationToken ct) =>
        Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"rejects|" + importId}"), pageSize, cancellationToken: ct), continuation, pageSize,
            row => new RejectedRow(int.Parse(row.RowKey, CultureInfo.InvariantCulture), row.GetString("Reason")), ct);

    public async Task WriteTouchedAsync(string importId, IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var chunk in keys.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"touched|{importId}", k))), ct);
        }
    }

    public async Task<IReadOnlyList<string>> TouchedAsync(string importId, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"touched|" + importId}"), select: ["RowKey"], cancellationToken: ct))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    private static T Read<T>(TableEntity row) => JsonSerializer.Deserialize<T>(row.GetString("Json"), Json)!;
}
