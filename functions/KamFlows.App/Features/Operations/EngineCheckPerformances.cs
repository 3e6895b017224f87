using Azure.Data.Tables;
using KamFlows.App.Engine;
using KamFlows.App.Storage;
using KamFlows.Domain.Processes.EngineCheck;

namespace KamFlows.App.Features.Operations;

/// <summary>
/// Every performance of an engine check's pong, one row each (partition = instance id, row = effect
/// id + "|" + a new GUID): an effect performed twice shows up as two rows, so the harness and an
/// operator can count performances per effect id.
/// </summary>
public sealed class EngineCheckPerformances(StorageClients storage, TimeProvider clock)
{
    private readonly TableClient _table = storage.Table(StorageLayout.EngineCheckTable);

    public Task RecordAsync(string instanceId, string effectId, int pong, CancellationToken ct) =>
        _table.AddEntityAsync(new TableEntity(instanceId, $"{effectId}|{Guid.NewGuid():N}")
        {
            ["EffectId"] = effectId,
            ["Pong"] = pong,
            ["At"] = clock.GetUtcNow(),
        }, ct);

    /// <summary>How many times each effect id of the instance was performed, by effect id.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(string instanceId, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            var effectId = row.RowKey[..row.RowKey.LastIndexOf('|')];
            counts[effectId] = counts.GetValueOrDefault(effectId) + 1;
        }

        return counts;
    }
}

/// <summary>Performs <see cref="EngineCheckPong"/>: records one performance. Deliberately not idempotent, so repeats can be seen.</summary>
internal sealed class EngineCheckPongHandler(EngineCheckPerformances performances) : EffectHandler<EngineCheckPong>
{
    public override string Kind => EngineCheckPong.KindName;

    protected override Task PerformAsync(EngineCheckPong effect, EffectContext context, CancellationToken cancellationToken) =>
        performances.RecordAsync(context.Instance.Id, context.EffectId, effect.N, cancellationToken);
}
