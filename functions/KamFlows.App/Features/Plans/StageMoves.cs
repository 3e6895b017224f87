using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Calendar;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Storage;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Plans;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Plans;

/// <summary>One move of an account from a relationship stage to another, with the playbook tasks it asked for.</summary>
public sealed record StageMove(
    int Number, RelationshipStage From, RelationshipStage To, string Reason, string? ByUserId, DateTimeOffset At, IReadOnlyList<TaskRequest> Tasks, bool TasksWritten);

/// <summary>
/// Moves an account between relationship stages. The account's new stage and the history entry
/// (<c>stage|{number:D6}</c> in the account's partition, holding the playbook requests) are one
/// transaction; the requests then go to the task outbox, the entry is marked written and the
/// requests are delivered as tasks (<see cref="PlanTaskDelivery"/>). A crash in
/// between leaves an entry not marked: reading the history writes its requests (adding a request is
/// idempotent by key).
/// </summary>
public sealed partial class StageMoves(
    AccountStore accounts, PlanTaskOutbox outbox, PlanTaskDelivery delivery, BusinessCalendars calendars, IOptions<PlansOptions> options, StorageClients storage, TimeProvider clock, ILogger<StageMoves> logger)
{
    private const string Prefix = "stage|";
    private readonly TableClient _table = storage.Table(StorageLayout.AccountsTable);

    /// <summary>Moves the account read at <paramref name="ifMatch"/>; throws <see cref="ConcurrencyConflictException"/> when it changed since.</summary>
    public async Task<(Account Account, ETag ETag, StageMove Move)> MoveAsync(Account account, RelationshipStage to, string reason, ETag ifMatch, string? byUserId, CancellationToken ct)
    {
        var history = await HistoryAsync(account.Id, ct);
        var number = (history.Count == 0 ? 0 : history.Max(m => m.Number)) + 1;
        var now = clock.GetUtcNow();
        var calendar = calendars.For(new CalendarKey(account.Country, account.Region), account.TimeZone);
        var tasks = StagePlaybook.TasksOnEntering(account.Id, to, number, calendar.DateOf(now), account.OwnerUserId, options.Value.StepsOf(to), calendar.Calendar);
        var move = new StageMove(number, account.Stage, to, reason, byUserId, now, tasks, TasksWritten: false);
        var moved = account with { Stage = to };
        var etag = await accounts.UpdateAsync(account, moved, ifMatch, [ToRow(account.Id, move)], ct);
        LogMoved(logger, account.Id, account.Stage, to, tasks.Count);
        return (moved, etag, await WriteTasksAsync(account.Id, move, ct));
    }

    /// <summary>The account's moves, oldest first; requests a crash left unwritten are written now.</summary>
    public async Task<IReadOnlyList<StageMove>> HistoryAsync(string accountId, CancellationToken ct)
    {
        var moves = new List<StageMove>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {Prefix} and RowKey lt {"stage}"}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            moves.Add(ToMove(row));
        }

        for (var i = 0; i < moves.Count; i++)
        {
            if (!moves[i].TasksWritten)
            {
                moves[i] = await WriteTasksAsync(accountId, moves[i], ct);
            }
        }

        return moves;
    }

    private async Task<StageMove> WriteTasksAsync(string accountId, StageMove move, CancellationToken ct)
    {
        try
        {
            await delivery.WriteAndDeliverAsync(accountId, async () =>
            {
                await outbox.AddStageRequestsAsync(move.Tasks, ct);
                await _table.UpdateEntityAsync(new TableEntity(accountId, Key(move.Number)) { ["TasksWritten"] = true }, ETag.All, TableUpdateMode.Merge, ct);
            }, ct);
            return move with { TasksWritten = true };
        }
        catch (RequestFailedException e)
        {
            LogTasksPending(logger, e, accountId, move.Number);
            return move;
        }
    }

    private static string Key(int number) => Prefix + number.ToString("D6", CultureInfo.InvariantCulture);

    private static TableEntity ToRow(string accountId, StageMove move) => new(accountId, Key(move.Number))
    {
        ["From"] = move.From.ToString(),
        ["To"] = move.To.ToString(),
        ["Reason"] = move.Reason,
        ["ByUserId"] = move.ByUserId,
        ["At"] = move.At,
        // A playbook has a handful of steps: far below a string property's 32K characters.
        ["Tasks"] = JsonSerializer.Serialize(move.Tasks, PlanJson.Options),
        ["TasksWritten"] = move.TasksWritten,
    };

    private static StageMove ToMove(TableEntity row) => new(
        int.Parse(row.RowKey[Prefix.Length..], CultureInfo.InvariantCulture),
        Enum.Parse<RelationshipStage>(row.GetString("From")),
        Enum.Parse<RelationshipStage>(row.GetString("To")),
        row.GetString("Reason"),
        row.GetString("ByUserId"),
        row.GetDateTimeOffset("At") ?? default,
        JsonSerializer.Deserialize<List<TaskRequest>>(row.GetString("Tasks"), PlanJson.Options) ?? [],
        row.GetBoolean("TasksWritten") ?? false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} moved from stage {From} to {To}; {Tasks} playbook tasks requested")]
    private static partial void LogMoved(ILogger logger, string accountId, RelationshipStage from, RelationshipStage to, int tasks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Playbook task requests of stage move {Move} of account {AccountId} not written yet; reading the history writes them")]
    private static partial void LogTasksPending(ILogger logger, Exception exception, string accountId, int move);
}
