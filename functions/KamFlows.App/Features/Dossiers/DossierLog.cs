using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Http;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Dossiers;

/// <summary>
/// The interaction log and competitor notes, in the account's partition of the accounts table
/// (rows <c>interaction|{id}</c>, <c>competitor|{id}</c>). Ids start with inverted ticks of when
/// they were recorded, so a list comes newest first without sorting.
/// </summary>
public sealed class DossierLog(StorageClients storage, TimeProvider clock)
{
    private const string InteractionPrefix = "interaction|";
    private const string CompetitorPrefix = "competitor|";
    private readonly TableClient _table = storage.Table(StorageLayout.AccountsTable);

    public string NewId() => $"{DateTimeOffset.MaxValue.UtcTicks - clock.GetUtcNow().UtcTicks:D19}{Guid.NewGuid():N}"[..31];

    /// <summary>Adds an entry; with <paramref name="id"/> (chosen earlier with <see cref="NewId"/>), an entry already written under it is answered instead (a retry).</summary>
    public async Task<Versioned<Interaction>> AddAsync(string accountId, InteractionInput input, string byUserId, CancellationToken ct, string? id = null)
    {
        if (id is not null && await FindAsync(accountId, id, ct) is { } written)
        {
            return written;
        }

        var interaction = new Interaction(
            id ?? NewId(), input.Kind!.Value, input.OccurredAt!.Value, input.Summary!.Trim(), [.. (input.ContactIds ?? []).Distinct()],
            input.Kind == InteractionKind.Complaint ? ComplaintState.Open : null, byUserId, clock.GetUtcNow());
        var answer = await _table.AddEntityAsync(ToRow(accountId, interaction), ct);
        return new Versioned<Interaction>(interaction, answer.Headers.ETag!.Value);
    }

    public async Task<Versioned<Interaction>?> FindAsync(string accountId, string id, CancellationToken ct)
    {
        if (!Accounts.AccountStore.IsKey(id))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, InteractionPrefix + id, cancellationToken: ct);
        return row.HasValue ? new Versioned<Interaction>(ToInteraction(row.Value!), row.Value!.ETag) : null;
    }

    public async Task<ETag> ReplaceAsync(string accountId, Interaction interaction, ETag ifMatch, CancellationToken ct)
    {
        try
        {
            return (await _table.UpdateEntityAsync(ToRow(accountId, interaction), ifMatch, TableUpdateMode.Replace, ct)).Headers.ETag!.Value;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new Users.ConcurrencyConflictException();
        }
    }

    public Task<PagedList<Interaction>> InteractionsAsync(string accountId, string? continuation, int pageSize, CancellationToken ct) =>
        Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(RangeFilter(accountId, InteractionPrefix), pageSize, cancellationToken: ct), continuation, pageSize, ToInteraction, ct);

    public async Task<IReadOnlyList<Interaction>> AllInteractionsAsync(string accountId, CancellationToken ct)
    {
        var all = new List<Interaction>();
        await foreach (var row in _table.QueryAsync<TableEntity>(RangeFilter(accountId, InteractionPrefix), cancellationToken: ct))
        {
            all.Add(ToInteraction(row));
        }

        return all;
    }

    public async Task<CompetitorNote> AddAsync(string accountId, CompetitorNoteInput input, string byUserId, CancellationToken ct)
    {
        var note = new CompetitorNote(NewId(), input.Competitor!.Trim(), input.Note!.Trim(), byUserId, clock.GetUtcNow());
        await _table.AddEntityAsync(new TableEntity(accountId, CompetitorPrefix + note.Id)
        {
            ["Competitor"] = note.Competitor,
            ["Note"] = note.Note,
            ["RecordedByUserId"] = note.RecordedByUserId,
            ["RecordedAt"] = note.RecordedAt,
        }, ct);
        return note;
    }

    public Task<PagedList<CompetitorNote>> CompetitorNotesAsync(string accountId, string? continuation, int pageSize, CancellationToken ct) =>
        Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(RangeFilter(accountId, CompetitorPrefix), pageSize, cancellationToken: ct), continuation, pageSize,
            row => new CompetitorNote(row.RowKey[CompetitorPrefix.Length..], row.GetString("Competitor"), row.GetString("Note"), row.GetString("RecordedByUserId"), row.GetDateTimeOffset("RecordedAt") ?? default), ct);

    /// <summary>
    /// Rewrites every free text of the log and the competitor notes through <paramref name="redact"/>:
    /// how an erased person's name leaves the entries that must stay.
    /// </summary>
    public async Task RedactAsync(string accountId, Func<string, string> redact, CancellationToken ct)
    {
        foreach (var (prefix, fields) in new[] { (InteractionPrefix, new[] { "Summary" }), (CompetitorPrefix, new[] { "Competitor", "Note" }) })
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(RangeFilter(accountId, prefix), cancellationToken: ct))
            {
                var changed = new TableEntity(row.PartitionKey, row.RowKey);
                foreach (var field in fields)
                {
                    if (row.GetString(field) is { } text && redact(text) is var redacted && redacted != text)
                    {
                        changed[field] = redacted;
                    }
                }

                if (changed.Count > 2)
                {
                    // Merge only the redacted fields, whatever else changed meanwhile.
                    await _table.UpdateEntityAsync(changed, ETag.All, TableUpdateMode.Merge, ct);
                }
            }
        }
    }

    private static string RangeFilter(string accountId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    private static TableEntity ToRow(string accountId, Interaction i) => new(accountId, InteractionPrefix + i.Id)
    {
        ["Kind"] = i.Kind.ToString(),
        ["OccurredAt"] = i.OccurredAt,
        ["Summary"] = i.Summary,
        ["ContactIds"] = JsonSerializer.Serialize(i.ContactIds),
        ["Complaint"] = i.Complaint?.ToString(),
        ["RecordedByUserId"] = i.RecordedByUserId,
        ["RecordedAt"] = i.RecordedAt,
    };

    private static Interaction ToInteraction(TableEntity row) => new(
        row.RowKey[InteractionPrefix.Length..],
        Enum.Parse<InteractionKind>(row.GetString("Kind")),
        row.GetDateTimeOffset("OccurredAt") ?? default,
        row.GetString("Summary"),
        JsonSerializer.Deserialize<List<string>>(row.GetString("ContactIds")) ?? [],
        row.GetString("Complaint") is { } c ? Enum.Parse<ComplaintState>(c) : null,
        row.GetString("RecordedByUserId"),
        row.GetDateTimeOffset("RecordedAt") ?? default);
}
