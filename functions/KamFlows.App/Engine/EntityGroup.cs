using Azure.Data.Tables;

namespace KamFlows.App.Engine;

/// <summary>
/// The rules of an entity-group transaction that Azure enforces and Azurite 3.37 does not (it accepts
/// mixed partitions, and answers more than 100 operations with a reply the SDK cannot parse).
/// Checked before every commit, so a test on Azurite fails where Azure would.
/// </summary>
public static class EntityGroup
{
    public const int MaxOperations = 100;

    public static void Check(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxOperations)
        {
            throw new InvalidOperationException($"A table transaction takes 1 to {MaxOperations} operations, not {actions.Count}.");
        }

        var partition = actions[0].Entity.PartitionKey;
        if (actions.Any(a => a.Entity.PartitionKey != partition))
        {
            throw new InvalidOperationException("A table transaction must stay in one partition.");
        }
    }
}
