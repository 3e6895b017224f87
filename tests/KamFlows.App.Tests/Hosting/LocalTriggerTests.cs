using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Work;
using KamFlows.App.Work;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Hosting;

/// <summary>Without a Functions host, the app's own loops drive the very same functions.</summary>
public sealed class LocalTriggerTests(LocalTriggerTests.App app) : IClassFixture<LocalTriggerTests.App>
{
    public sealed class App : KamFlowsApp
    {
        public App(Azurite azurite)
            : base(azurite)
        {
            LocalTriggers = true;
            ExtraServices = s => s.AddSingleton<IWorkItemHandler>(Recorder);
        }

        public RecordingWorkHandler Recorder { get; } = new();
    }

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_message_on_the_work_queue_reaches_its_handler_and_is_deleted()
    {
        var item = new WorkItem(RecordingWorkHandler.TestKind, "local-" + Guid.NewGuid());

        await app.Services.GetRequiredService<WorkQueue>().SendAsync(item, cancellationToken: TestContext.Current.CancellationToken);

        await Eventually.ReturnsAsync(() => Task.FromResult(app.Recorder.Handled.Contains(item)), done => done, Deadline, AdvancePolling);
        var queue = app.Storage.Queue(app.WorkQueueName);
        await Eventually.ReturnsAsync(
            async () => (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount,
            count => count == 0, Deadline, AdvancePolling);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_kept_in_the_poison_queue_after_five_deliveries()
    {
        var item = new WorkItem(RecordingWorkHandler.TestKind, "poison-" + Guid.NewGuid());
        var attempts = 0;
        app.Recorder.FailWhen = i => i == item && Interlocked.Increment(ref attempts) > 0;

        await app.Services.GetRequiredService<WorkQueue>().SendAsync(item, cancellationToken: TestContext.Current.CancellationToken);

        var poison = app.Storage.Queue(app.WorkQueueName + "-poison");
        var kept = await Eventually.ReturnsAsync(
            async () => (await poison.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value,
            messages => messages.Any(m => WorkItem.Parse(m.Body.ToString()) == item), Deadline, AdvancePolling);
        Assert.Equal(5, Volatile.Read(ref attempts));
        Assert.DoesNotContain(item, app.Recorder.Handled);
    }

    [Fact]
    public async Task The_local_timer_fires_the_due_timer_sweep_on_its_schedule()
    {
        var item = new WorkItem(RecordingWorkHandler.TestKind, "due-" + Guid.NewGuid());
        var dueTimers = app.Services.GetRequiredService<DueTimers>();
        await dueTimers.SetAsync(item, app.Clock.GetUtcNow().AddSeconds(30), TestContext.Current.CancellationToken);

        // The sweep runs every minute ("0 */1 * * * *"); moving the clock a minute on fires it.
        await Eventually.ReturnsAsync(() => Task.FromResult(app.Recorder.Handled.Any(h => h.Id == item.Id)), done => done, Deadline,
            () => app.Clock.Advance(TimeSpan.FromSeconds(20)));
    }

    private void AdvancePolling() => app.Clock.Advance(TimeSpan.FromMilliseconds(100));
}
