using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Engine;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Storage;
using KamFlows.Domain.Plans;

namespace KamFlows.App.Features.Plans;

/// <summary>
/// Account plans in the plans table, one partition per account: row <c>draft</c> (the working copy),
/// <c>head</c> (version numbers), <c>tasks</c> (present while the draft's task requests may not be
/// written yet) and <c>v|{number:D6}</c> per frozen version. A plan is stored as JSON in its row, a
/// string up to 30,000 characters, else gzip chunks (<see cref="StateCodec"/>), so it is read in one
/// request; the JSON body limit keeps it far below the 1 MiB of an entity. Submitting and deciding
/// are transactions of the partition, guarded by the head's ETag, so numbers never repeat and a
/// version is decided once.
/// </summary>
public sealed class PlanStore(StorageClients storage, StateCodec codec)
{
    private const string DraftRow = "draft";
    private const string HeadRow = "head";
    private const string TasksRow = "tasks";
    private const string VersionPrefix = "v|";
    private static readonly string[] SummaryColumns = ["RowKey", "Status", "SubmittedBy", "SubmittedAt", "DecidedBy", "DecidedAt", "Comment"];
    private readonly TableClient _table = storage.Table(StorageLayout.PlansTable);

    /// <summary>Every account that has a plan (a draft), in key order: what a quarter's reviews fan out over. Reads the key only.</summary>
    public async Task<IReadOnlyList<string>> AccountIdsAsync(CancellationToken ct)
    {
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {DraftRow}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey"], cancellationToken: ct))
        {
            ids.Add(row.PartitionKey);
        }

        return ids;
    }

    /// <summary>The draft, the head and whether task requests are pending, in one query of three rows.</summary>
    public async Task<PlanState> ReadAsync(string accountId, CancellationToken ct)
    {
        Versioned<PlanDraft>? draft = null;
        Versioned<PlanHead>? head = null;
        ETag? tasksPending = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {DraftRow} and RowKey le {TasksRow}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            switch (row.RowKey)
            {
                case DraftRow:
                    draft = new(new PlanDraft(await ReadPlanAsync(row, ct), row.GetInt32("Revision") ?? 0, row.GetString("UpdatedBy"), row.GetDateTimeOffset("UpdatedAt") ?? default), row.ETag);
                    break;
                case HeadRow:
                    head = new(new PlanHead(row.GetInt32("Latest") ?? 0, row.GetInt32("LastApproved"), row.GetInt32("Pending")), row.ETag);
                    break;
                case TasksRow:
                    tasksPending = row.ETag;
                    break;
            }
        }

        return new PlanState(draft, head, tasksPending);
    }

    /// <summary>
    /// Writes the draft (a new one when <paramref name="ifMatch"/> is null, else only if still at it) with
    /// the mark that its task requests are to be written, in one transaction. Returns both ETags.
    /// </summary>
    public async Task<(ETag Draft, ETag TasksMark)> SaveDraftAsync(string accountId, PlanDraft draft, ETag? ifMatch, CancellationToken ct)
    {
        var row = new TableEntity(accountId, DraftRow)
        {
            ["Revision"] = draft.Revision,
            ["UpdatedBy"] = draft.UpdatedByUserId,
            ["UpdatedAt"] = draft.UpdatedAt,
        };
        await codec.WriteAsync(row, $"plan/{accountId}/draft", draft.Revision, Json(draft.Plan), ct);
        var mark = new TableEntity(accountId, TasksRow) { ["Revision"] = draft.Revision };
        try
        {
            var answer = await _table.SubmitTransactionAsync(
            [
                ifMatch is { } etag ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, etag) : new TableTransactionAction(TableTransactionActionType.Add, row),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, mark),
            ], ct);
            return (answer.Value[0].Headers.ETag!.Value, answer.Value[1].Headers.ETag!.Value);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException();
        }
    }

    /// <summary>Removes the pending mark, unless a later save has marked again since.</summary>
    public async Task ClearTasksMarkAsync(string accountId, ETag mark, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(accountId, TasksRow, mark, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Cleared already, or marked again by a later save that will clear it.
        }
    }

    /// <summary>Freezes <paramref name="plan"/> as the next version; a version still waiting for a decision is superseded by it.</summary>
    public async Task<PlanVersion> SubmitAsync(string accountId, Versioned<PlanHead>? head, AccountPlan plan, string byUserId, DateTimeOffset at, CancellationToken ct)
    {
        var current = head?.Value ?? PlanHead.None;
        var version = new PlanVersion(current.LatestVersion + 1, PlanVersionStatus.Submitted, plan, byUserId, at, null, null, null);
        var row = new TableEntity(accountId, VersionKey(version.Number))
        {
            ["Status"] = version.Status.ToString(),
            ["SubmittedBy"] = byUserId,
            ["SubmittedAt"] = at,
        };
        await codec.WriteAsync(row, $"plan/{accountId}/v", version.Number, Json(plan), ct);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, row),
            HeadAction(accountId, current with { LatestVersion = version.Number, PendingVersion = version.Number }, head?.ETag),
        ];
        if (current.PendingVersion is { } waiting)
        {
            // The head's ETag serialises this with a decision on the waiting version.
            actions.Add(new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, VersionKey(waiting)) { ["Status"] = PlanVersionStatus.Superseded.ToString() }, ETag.All));
        }

        await CommitAsync(actions, ct);
        return version;
    }

    /// <summary>Records the decision on a version read at <paramref name="version"/>'s ETag, and moves the head.</summary>
    public async Task DecideAsync(string accountId, Versioned<PlanHead> head, Versioned<PlanVersion> version, PlanVersion decided, CancellationToken ct)
    {
        var changed = new TableEntity(accountId, VersionKey(decided.Number))
        {
            ["Status"] = decided.Status.ToString(),
            ["DecidedBy"] = decided.DecidedByUserId,
            ["DecidedAt"] = decided.DecidedAt,
            ["Comment"] = decided.Comment,
        };
        var newHead = head.Value with
        {
            PendingVersion = head.Value.PendingVersion == decided.Number ? null : head.Value.PendingVersion,
            LastApprovedVersion = decided.Status == PlanVersionStatus.Approved ? Math.Max(decided.Number, head.Value.LastApprovedVersion ?? 0) : head.Value.LastApprovedVersion,
        };
        await CommitAsync([new(TableTransactionActionType.UpdateMerge, changed, version.ETag), HeadAction(accountId, newHead, head.ETag)], ct);
    }

    public async Task<Versioned<PlanVersion>?> FindVersionAsync(string accountId, int number, CancellationToken ct)
    {
        if (number is < 1 or > 999_999)
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, VersionKey(number), cancellationToken: ct);
        if (!row.HasValue)
        {
            return null;
        }

        var summary = ToSummary(row.Value!);
        var plan = await ReadPlanAsync(row.Value!, ct);
        return new(new PlanVersion(summary.Number, summary.Status, plan, summary.SubmittedByUserId, summary.SubmittedAt, summary.DecidedByUserId, summary.DecidedAt, summary.Comment), row.Value!.ETag);
    }

    /// <summary>Every version of the plan, newest first, without content (a plan has a few versions a year).</summary>
    public async Task<IReadOnlyList<PlanVersionSummary>> ListVersionsAsync(string accountId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {VersionPrefix} and RowKey lt {"v}"}");
        var all = new List<PlanVersionSummary>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: SummaryColumns, cancellationToken: ct))
        {
            all.Add(ToSummary(row));
        }

        return [.. all.OrderByDescending(v => v.Number)];
    }

    private static TableTransactionAction HeadAction(string accountId, PlanHead head, ETag? ifMatch)
    {
        var row = new TableEntity(accountId, HeadRow)
        {
            ["Latest"] = head.LatestVersion,
            ["LastApproved"] = head.LastApprovedVersion,
            ["Pending"] = head.PendingVersion,
        };
        return ifMatch is { } etag ? new(TableTransactionActionType.UpdateReplace, row, etag) : new(TableTransactionActionType.Add, row);
    }

    private async Task CommitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        try
        {
            await _table.SubmitTransactionAsync(actions, ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException();
        }
    }

    private async Task<AccountPlan> ReadPlanAsync(TableEntity row, CancellationToken ct) =>
        JsonSerializer.Deserialize<AccountPlan>(await codec.ReadAsync(row, ct) ?? "null", PlanJson.Options)
        ?? throw new InvalidDataException($"Plan row {row.PartitionKey}/{row.RowKey} holds no plan.");

    private static PlanVersionSummary ToSummary(TableEntity row) => new(
        int.Parse(row.RowKey[VersionPrefix.Length..], CultureInfo.InvariantCulture),
        Enum.Parse<PlanVersionStatus>(row.GetString("Status")),
        row.GetString("SubmittedBy"),
        row.GetDateTimeOffset("SubmittedAt") ?? default,
        row.GetString("DecidedBy"),
        row.GetDateTimeOffset("DecidedAt"),
        row.GetString("Comment"));

    private static string VersionKey(int number) => VersionPrefix + number.ToString("D6", CultureInfo.InvariantCulture);

    private static string Json(AccountPlan plan) => JsonSerializer.Serialize(plan, PlanJson.Options);
}

/// <summary>What the plan rows of an account hold: the draft, the head (null before the first submission), and the mark of task requests not yet written.</summary>
public sealed record PlanState(Versioned<PlanDraft>? Draft, Versioned<PlanHead>? Head, ETag? TasksPending);
