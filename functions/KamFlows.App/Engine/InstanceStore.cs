using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Storage;
using KamFlows.App.Work;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

/// <summary>
/// Process instances in Table Storage. An instance's partition holds its entity (row "instance"), its
/// history rows ("h|…") and its processed-event rows ("e|…"), so a transition is one entity-group
/// transaction: the entity updated with If-Match, plus the new rows. State, outbox, history and
/// duplicate detection therefore never disagree.
/// </summary>
public sealed class InstanceStore(StorageClients storage, StateCodec codec)
{
    public const string InstanceRow = "instance";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = storage.Table(StorageLayout.ProcessesTable);

    public async Task<Versioned?> LoadAsync(string id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(id, InstanceRow, cancellationToken: ct);
        if (!row.HasValue)
        {
            return null;
        }

        var e = row.Value!;
        var instance = new ProcessInstance
        {
            Id = id,
            Definition = e.GetString("Definition"),
            Version = e.GetInt32("Version") ?? 1,
            BusinessKey = e.GetString("BusinessKey"),
            Status = Enum.Parse<ProcessStatus>(e.GetString("Status")),
            Step = e.GetString("Step") ?? "",
            Outcome = e.GetString("Outcome"),
            StateJson = await codec.ReadAsync(e, ct),
            Outbox = Read<List<OutboxEntry>>(e, "Outbox") ?? [],
            WakeUps = Read<List<PendingWakeUp>>(e, "WakeUps") ?? [],
            Parties = Read<Dictionary<string, IReadOnlyList<string>>>(e, "Parties") ?? [],
            Calendars = Read<Dictionary<string, PartyCalendar>>(e, "Calendars") ?? [],
            AccountId = e.GetString("AccountId"),
            ParentId = e.GetString("ParentId"),
            Children = Read<List<string>>(e, "Children") ?? [],
            WaitingOn = e.GetString("WaitingOn") is { } party ? new WaitingOn(party, e.GetDateTimeOffset("WaitingSince") ?? default) : null,
            Sequence = e.GetInt64("Sequence") ?? 0,
            DueRow = e.GetDateTimeOffset("DueRowAt") is { } dueAt
                ? new DueRow(dueAt, e.GetString("DueRowKey") ?? $"{ProcessEngine.WorkKind}|{id}") // before rows had a key of their own
                : null,
            CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
            UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        };
        return new Versioned(instance, e.ETag, StateCodec.BlobOf(e));
    }

    /// <summary>
    /// Commits a transition: the instance (added when <paramref name="previous"/> is null, else
    /// replaced if still at its ETag), its history rows and, for an input with an id, the row that
    /// makes a second delivery of the same input a recognised duplicate; and any other rows of the
    /// partition that must change with the transition (<paramref name="alsoWrite"/>, merged).
    /// </summary>
    public async Task<CommitResult> CommitAsync(
        ProcessInstance instance, Versioned? previous, IReadOnlyList<HistoryEntry> history, string? inputId, CancellationToken ct,
        IReadOnlyList<TableEntity>? alsoWrite = null)
    {
        var entity = ToEntity(instance);
        var blob = await codec.WriteAsync(entity, instance.Id, instance.Sequence, instance.StateJson, ct);
        var actions = new List<TableTransactionAction>
        {
            previous is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, previous.ETag),
        };
        actions.AddRange(history.Select(h => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(instance.Id, h))));
        actions.AddRange((alsoWrite ?? []).Select(e => new TableTransactionAction(TableTransactionActionType.UpsertMerge, e)));
        if (inputId is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(instance.Id, ProcessedKey(inputId)) { ["At"] = instance.UpdatedAt }));
        }

        EntityGroup.Check(actions);
        try
        {
            var answer = await _table.SubmitTransactionAsync(actions, ct);
            await codec.DeleteBlobAsync(previous?.StateBlob is { } old && old != blob ? old : null, ct);
            return new CommitResult(CommitOutcome.Committed, new Versioned(instance, answer.Value[0].Headers.ETag!.Value, blob));
        }
        catch (TableTransactionFailedException e)
        {
            await codec.DeleteBlobAsync(blob, ct); // never referenced: the transaction did not happen
            var outcome = e.Status switch
            {
                412 => CommitOutcome.Conflict,
                404 when e.FailedTransactionActionIndex == 0 => CommitOutcome.Conflict,
                409 when e.FailedTransactionActionIndex == 0 && previous is null => CommitOutcome.AlreadyExists,
                409 when inputId is not null && e.FailedTransactionActionIndex == actions.Count - 1 => CommitOutcome.Duplicate,
                _ => throw new InvalidOperationException($"Committing instance {instance.Id} failed: status {e.Status}, action {e.FailedTransactionActionIndex}.", e),
            };
            return new CommitResult(outcome, null);
        }
    }

    public async Task<bool> WasProcessedAsync(string id, string inputId, CancellationToken ct) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(id, ProcessedKey(inputId), select: ["PartitionKey"], cancellationToken: ct)).HasValue;

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {"h|"} and RowKey lt {"h}"}");
        var entries = new List<HistoryEntry>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            entries.Add(new HistoryEntry(
                e.GetInt64("Sequence") ?? 0, e.GetInt32("Index") ?? 0, e.GetDateTimeOffset("At") ?? default,
                e.GetString("Kind"), e.GetString("What"), e.GetString("By"), e.GetString("Detail")));
        }

        return entries;
    }

    /// <summary>Input ids come from outside (any characters, any length): the row key is their hash.</summary>
    private static string ProcessedKey(string inputId) =>
        "e|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputId)));

    private static T? Read<T>(TableEntity e, string name) where T : class =>
        e.GetString(name) is { Length: > 0 } json ? JsonSerializer.Deserialize<T>(json, Json) : null;

    private static string Write<T>(T value, string name)
    {
        var json = JsonSerializer.Serialize(value, Json);
        return json.Length <= StateCodec.MaxStringChars
            ? json
            : throw new InvalidOperationException($"The instance's {name} is {json.Length} characters, more than a table property holds.");
    }

    private static TableEntity ToEntity(ProcessInstance i) => new(i.Id, InstanceRow)
    {
        ["Definition"] = i.Definition,
        ["Version"] = i.Version,
        ["BusinessKey"] = i.BusinessKey,
        ["Status"] = i.Status.ToString(),
        ["Step"] = i.Step,
        ["Outcome"] = i.Outcome,
        ["Outbox"] = Write(i.Outbox, "outbox"),
        ["WakeUps"] = Write(i.WakeUps, "wake-ups"),
        ["Parties"] = Write(i.Parties, "parties"),
        ["Calendars"] = Write(i.Calendars, "calendars"),
        ["AccountId"] = i.AccountId,
        ["ParentId"] = i.ParentId,
        ["Children"] = Write(i.Children, "children"),
        ["WaitingOn"] = i.WaitingOn?.Party,
        ["WaitingSince"] = i.WaitingOn?.Since,
        ["Sequence"] = i.Sequence,
        ["DueRowAt"] = i.DueRow?.At,
        ["DueRowKey"] = i.DueRow?.Key,
        ["NextWakeUpAt"] = i.NextWakeUpAt,
        ["CreatedAt"] = i.CreatedAt,
        ["UpdatedAt"] = i.UpdatedAt,
    };

    private static TableEntity ToEntity(string id, HistoryEntry h) => new(id, $"h|{h.Sequence:D12}|{h.Index:D3}")
    {
        ["Sequence"] = h.Sequence,
        ["Index"] = h.Index,
        ["At"] = h.At,
        ["Kind"] = h.Kind,
        ["What"] = h.What,
        ["By"] = h.By,
        ["Detail"] = h.Detail,
    };

    /// <summary>A loaded instance, the ETag it was read at, and the blob its state was in (if any).</summary>
    public sealed record Versioned(ProcessInstance Instance, ETag ETag, string? StateBlob);
}

public enum CommitOutcome
{
    Committed,
    Conflict,
    Duplicate,
    AlreadyExists,
}

public sealed record CommitResult(CommitOutcome Outcome, InstanceStore.Versioned? Committed);
