using Azure;
using Azure.Data.Tables;
using KamFlows.App.Http;
using KamFlows.App.Storage;

namespace KamFlows.App.Engine;

/// <summary>The partitions an instance is listed under: all, its status, its definition, its account, and each person it waits on.</summary>
public static class IndexKeys
{
    public const string All = "all";

    public static string Status(ProcessStatus status) => $"status|{status}";

    public static string Definition(string name) => $"def|{name}";

    public static string Account(string accountId) => $"account|{accountId}";

    public static string WaitingOn(string userId) => $"waiting|{userId}";

    public static IReadOnlyList<string> Of(ProcessInstance i)
    {
        var keys = new List<string> { All, Status(i.Status), Definition(i.Definition) };
        if (i.AccountId is { } account)
        {
            keys.Add(Account(account));
        }

        keys.AddRange(WaitingUsers(i).Select(WaitingOn));

        return keys;
    }

    /// <summary>Who the instance waits on: the members of the party it waits on, and their current delegates ("{party}.delegates").</summary>
    public static IReadOnlyList<string> WaitingUsers(ProcessInstance i) =>
        i.WaitingOn is not { } waiting ? []
        : [.. new[] { waiting.Party, waiting.Party + ".delegates" }
            .SelectMany(p => i.Parties.TryGetValue(p, out var people) ? people : [])
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Whether a transition changed what the lists show.</summary>
    public static bool Changed(ProcessInstance before, ProcessInstance after) =>
        before.Sequence == 0
        || before.Status != after.Status || before.Step != after.Step || before.WaitingOn != after.WaitingOn
        || before.NextWakeUpAt != after.NextWakeUpAt || !Of(before).SequenceEqual(Of(after));
}

/// <summary>One line of a process list.</summary>
public sealed record ProcessSummary(
    string Id,
    string Definition,
    ProcessStatus Status,
    string Step,
    string? AccountId,
    string? WaitingOn,
    IReadOnlyList<string> WaitingOnUsers,
    DateTimeOffset? WaitingSince,
    DateTimeOffset? NextWakeUpAt,
    int FailingEffects,
    DateTimeOffset UpdatedAt);

/// <summary>
/// The process lists (by status, account, definition, who it waits on), kept in their own table and
/// brought up to date by an idempotent effect after each transition that changes them; never part of
/// a transition's commit. A list read is one partition, never a table scan.
/// </summary>
public sealed class ProcessIndex(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(StorageLayout.ProcessIndexTable);

    public async Task UpdateAsync(ProcessInstance instance, IReadOnlyList<string> previousKeys, CancellationToken ct)
    {
        var keys = IndexKeys.Of(instance);
        var waitingUsers = IndexKeys.WaitingUsers(instance);
        foreach (var key in keys)
        {
            await _table.UpsertEntityAsync(new TableEntity(key, instance.Id)
            {
                ["Definition"] = instance.Definition,
                ["Status"] = instance.Status.ToString(),
                ["Step"] = instance.Step,
                ["AccountId"] = instance.AccountId,
                ["WaitingOn"] = instance.WaitingOn?.Party,
                ["WaitingOnUsers"] = string.Join(',', waitingUsers),
                ["WaitingSince"] = instance.WaitingOn?.Since,
                ["NextWakeUpAt"] = instance.NextWakeUpAt,
                ["FailingEffects"] = instance.Outbox.Count(e => e.Attempts > 0),
                ["UpdatedAt"] = instance.UpdatedAt,
            }, TableUpdateMode.Replace, ct);
        }

        foreach (var gone in previousKeys.Except(keys))
        {
            try
            {
                await _table.DeleteEntityAsync(gone, instance.Id, ETag.All, ct);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // removed by an earlier pass
            }
        }
    }

    public Task<PagedList<ProcessSummary>> ListAsync(ProcessListQuery query, string? continuation, int pageSize, CancellationToken ct)
    {
        // Read the narrowest partition; filter the rest server-side within it.
        var (partition, rest) = query switch
        {
            { AccountId: { } a } => (IndexKeys.Account(a), query with { AccountId = null }),
            { WaitingOnUserId: { } u } => (IndexKeys.WaitingOn(u), query with { WaitingOnUserId = null }),
            { Definition: { } d } => (IndexKeys.Definition(d), query with { Definition = null }),
            { Status: { } s } => (IndexKeys.Status(s), query with { Status = null }),
            _ => (IndexKeys.All, query),
        };
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (rest.Definition is { } def)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Definition eq {def}");
        }

        if (rest.Status is { } status)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        return Paging.ReadPageAsync(_table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: ct), continuation, pageSize, ToSummary, ct);
    }

    private static ProcessSummary ToSummary(TableEntity e) => new(
        e.RowKey,
        e.GetString("Definition"),
        Enum.Parse<ProcessStatus>(e.GetString("Status")),
        e.GetString("Step") ?? "",
        e.GetString("AccountId"),
        e.GetString("WaitingOn"),
        (e.GetString("WaitingOnUsers") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.GetDateTimeOffset("WaitingSince"),
        e.GetDateTimeOffset("NextWakeUpAt"),
        e.GetInt32("FailingEffects") ?? 0,
        e.GetDateTimeOffset("UpdatedAt") ?? default);
}

public sealed record ProcessListQuery(string? Definition, ProcessStatus? Status, string? AccountId, string? WaitingOnUserId);
