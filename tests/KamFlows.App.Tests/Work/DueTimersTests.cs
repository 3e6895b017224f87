using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Work;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Work;

/// <summary>The due-timer index on real Azurite: nothing fires early, nothing due is lost, a fired row re-fires after its lease until cleared.</summary>
public sealed class DueTimersTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private DueTimers DueTimers => app.Services.GetRequiredService<DueTimers>();

    private async Task<List<WorkItem>> DrainAsync()
    {
        var queue = app.Storage.Queue(app.WorkQueueName);
        var items = new List<WorkItem>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken)).Value;
            if (batch.Length == 0)
            {
                return items;
            }

            foreach (var m in batch)
            {
                items.Add(WorkItem.Parse(m.Body.ToString()) with { At = null, Row = null }); // compare what, not when or which row
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, TestContext.Current.CancellationToken);
            }
        }
    }

    [Fact]
    public async Task A_wake_up_fires_when_due_not_before_and_again_after_its_lease_until_cleared()
    {
        var ct = TestContext.Current.CancellationToken;
        var t0 = new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var item = new WorkItem("lease-test", Guid.NewGuid().ToString());
        var row = await DueTimers.SetAsync(item, t0.AddDays(200), ct);

        await DueTimers.SweepAsync(t0, ct);
        Assert.DoesNotContain(item, await DrainAsync());

        await DueTimers.SweepAsync(t0.AddDays(200), ct);
        Assert.Contains(item, await DrainAsync());

        await DueTimers.SweepAsync(t0.AddDays(200).AddMinutes(1), ct);
        Assert.DoesNotContain(item, await DrainAsync()); // its handler may still be at it

        await DueTimers.SweepAsync(t0.AddDays(200) + DueTimers.Lease, ct);
        Assert.Contains(item, await DrainAsync()); // the handler never cleared it: fire again

        await DueTimers.ClearAsync(row, ct);
        await DueTimers.SweepAsync(t0.AddDays(300), ct);
        Assert.DoesNotContain(item, await DrainAsync());
    }

    [Fact]
    public async Task Moving_a_wake_up_removes_the_old_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var t0 = new DateTimeOffset(2028, 5, 1, 9, 0, 0, TimeSpan.Zero);
        var item = new WorkItem("move-test", Guid.NewGuid().ToString());
        var first = await DueTimers.SetAsync(item, t0.AddDays(1), ct);

        await DueTimers.MoveAsync(item, first, t0.AddDays(30), ct);

        await DueTimers.SweepAsync(t0.AddDays(2), ct);
        Assert.DoesNotContain(item, await DrainAsync());
        await DueTimers.SweepAsync(t0.AddDays(30), ct);
        Assert.Contains(item, await DrainAsync());
    }

    [Fact]
    public async Task Clearing_an_old_row_never_removes_a_newer_one_due_in_the_same_minute()
    {
        // Two transitions of one instance, the second committed before the first tidied up: the
        // first's late clear of the row it replaced must not take the second's row with it.
        var ct = TestContext.Current.CancellationToken;
        var t0 = new DateTimeOffset(2028, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var item = new WorkItem("same-minute-test", Guid.NewGuid().ToString());
        var older = await DueTimers.SetAsync(item, t0.AddSeconds(10), ct);
        var newer = await DueTimers.SetAsync(item, t0.AddSeconds(10), ct);

        await DueTimers.ClearAsync(older, ct);

        Assert.NotEqual(older.Key, newer.Key);
        await DueTimers.SweepAsync(t0.AddMinutes(1), ct);
        Assert.Single(await DrainAsync(), i => i == item);
    }

    [Fact]
    public async Task Work_items_are_sent_base64_encoded_as_the_functions_queue_trigger_expects()
    {
        var ct = TestContext.Current.CancellationToken;
        var item = new WorkItem("encoding-test", Guid.NewGuid().ToString());
        await app.Services.GetRequiredService<WorkQueue>().SendAsync(item, cancellationToken: ct);

        // Read with a client that does not decode: the raw text must be base64 of the JSON.
        var raw = new Azure.Storage.Queues.QueueClient(
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KamFlows.App.Storage.StorageOptions>>().Value.ConnectionString,
            app.WorkQueueName);
        var message = (await raw.ReceiveMessagesAsync(32, cancellationToken: ct)).Value.Single(m =>
            m.Body.ToString() == Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(item.ToJson())));
        await raw.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
    }
}
