using Azure;
using Azure.Data.Tables;
using KamFlows.App.Engine;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Engine;

/// <summary>The table rules the engine's exactly-once rests on, checked against the emulator and against our own guard.</summary>
public sealed class StorageRulesTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Azurite_enforces_if_match_inside_a_transaction()
    {
        // Azurite before 3.x ignored If-Match in batches (Azurite issue 1233); the engine's commit relies on it.
        var table = app.Storage.Table(KamFlows.App.Storage.StorageLayout.ProcessesTable);
        var pk = Guid.NewGuid().ToString("N");
        await table.AddEntityAsync(new TableEntity(pk, "instance") { ["N"] = 1 }, Ct);
        var stale = (await table.GetEntityAsync<TableEntity>(pk, "instance", cancellationToken: Ct)).Value.ETag;
        await table.UpdateEntityAsync(new TableEntity(pk, "instance") { ["N"] = 2 }, ETag.All, TableUpdateMode.Replace, Ct);

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(pk, "instance") { ["N"] = 3 }, stale),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, "h|1")),
        ], Ct));

        Assert.Equal(412, e.Status);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>(pk, "instance", cancellationToken: Ct)).Value.GetInt32("N"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(pk, "h|1", cancellationToken: Ct)).HasValue);
    }

    [Fact]
    public void A_transaction_over_two_partitions_is_refused_before_it_is_sent()
    {
        var e = Assert.Throws<InvalidOperationException>(() => EntityGroup.Check(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", "1")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("b", "1")),
        ]));

        Assert.Contains("one partition", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transaction_of_more_than_100_operations_is_refused_before_it_is_sent()
    {
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        Assert.Throws<InvalidOperationException>(() => EntityGroup.Check(actions));
        EntityGroup.Check(actions[..100]);
    }
}
