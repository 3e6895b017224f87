using KamFlows.App.Engine;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Engine;

/// <summary>The engine on real Azurite: exactly once, duplicates and stale inputs, who may send, wake-ups, children, effects.</summary>
public sealed class EngineTests(EngineApp app) : IClassFixture<EngineApp>
{
    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Starting_twice_with_the_same_business_key_starts_one_instance()
    {
        var key = Key();
        var first = await app.Engine.StartAsync(new StartRequest(PingPong.DefinitionName, key, new PingPong.Begin(), EngineApp.NoParties, new Dictionary<string, PartyCalendar>()), Sender.System, TestContext.Current.CancellationToken);
        var second = await app.Engine.StartAsync(new StartRequest(PingPong.DefinitionName, key, new PingPong.Begin(), EngineApp.NoParties, new Dictionary<string, PartyCalendar>()), Sender.System, TestContext.Current.CancellationToken);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.InstanceId, second.InstanceId);
        var history = await app.Store.HistoryAsync(first.InstanceId, TestContext.Current.CancellationToken);
        Assert.Single(history, h => h.Kind == "started");
    }

    [Fact]
    public async Task Thirty_two_concurrent_events_to_one_instance_are_all_applied_exactly_once()
    {
        var id = await app.StartAsync(Key());

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 32).Select(n => app.SendAsync(id, new PingPong.Ping(n), $"ping-{n}")));

        Assert.All(outcomes, o => Assert.Equal(SendOutcome.Applied, o));
        var state = await app.StateAsync(id);
        Assert.Equal(32, state.Pings);
        Assert.Equal(Enumerable.Range(1, 32).Select(n => $"ping {n}").Order(), state.Log.Where(l => l.StartsWith("ping", StringComparison.Ordinal)).Order());
        var instance = await app.InstanceAsync(id);
        Assert.Empty(instance.Outbox);
        var pongs = app.Pongs.Performed.Where(e => e.StartsWith(id + ".", StringComparison.Ordinal)).ToList();
        Assert.Equal(32, pongs.Distinct().Count());
        Assert.Equal(32, pongs.Count);
    }

    [Fact]
    public async Task A_duplicate_event_is_recognised_and_changes_nothing()
    {
        var id = await app.StartAsync(Key());

        Assert.Equal(SendOutcome.Applied, await app.SendAsync(id, new PingPong.Ping(1), "the-same-id"));
        Assert.Equal(SendOutcome.Duplicate, await app.SendAsync(id, new PingPong.Ping(1), "the-same-id"));

        Assert.Equal(1, (await app.StateAsync(id)).Pings);
    }

    [Fact]
    public async Task An_event_for_a_step_the_instance_has_left_is_recorded_as_stale_not_applied()
    {
        var id = await app.StartAsync(Key());

        Assert.Equal(SendOutcome.Stale, await app.SendAsync(id, new PingPong.PingInPhase("long-gone")));

        Assert.Equal(0, (await app.StateAsync(id)).Pings);
        var history = await app.Store.HistoryAsync(id, TestContext.Current.CancellationToken);
        Assert.Contains(history, h => h.Kind == "stale" && h.Detail == "meant for long-gone");
    }

    [Fact]
    public async Task Only_the_bound_approver_may_approve()
    {
        var id = await app.StartAsync(Key(), new Dictionary<string, IReadOnlyList<string>> { ["approver"] = ["director-1"] });
        var ct = TestContext.Current.CancellationToken;

        var byKam = await app.Engine.SendAsync(id, "a1", new EngineInput.Command(new PingPong.Approve()), Sender.Person("kam-1", [Role.Kam, Role.Director]), ct);
        var byApprover = await app.Engine.SendAsync(id, "a2", new EngineInput.Command(new PingPong.Approve()), Sender.Person("director-1", [Role.Director]), ct);

        Assert.Equal(SendOutcome.NotAllowed, byKam);
        Assert.Equal(SendOutcome.Applied, byApprover);
        Assert.Equal("approved", (await app.StateAsync(id)).Phase);
    }

    [Fact]
    public async Task A_delegate_of_the_approver_may_approve()
    {
        var id = await app.StartAsync(Key(), new Dictionary<string, IReadOnlyList<string>> { ["approver"] = ["director-1"], ["approver.delegates"] = ["director-2"] });

        var index = app.Services.GetRequiredService<ProcessIndex>();
        var waiting = await index.ListAsync(new ProcessListQuery(null, null, null, "director-2"), null, 100, TestContext.Current.CancellationToken);
        Assert.Contains(waiting.Items, p => p.Id == id); // what waits on the approver waits on the delegate too

        var outcome = await app.Engine.SendAsync(id, "a1", new EngineInput.Command(new PingPong.Approve()), Sender.Person("director-2", [Role.Director]), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Applied, outcome);
    }

    [Fact]
    public async Task A_lost_wake_up_message_is_recovered_by_the_sweep()
    {
        var id = await app.StartAsync(Key());
        Assert.Equal(SendOutcome.Applied, await app.SendAsync(id, new PingPong.Nap(TimeSpan.FromDays(200))));
        var wake = (await app.InstanceAsync(id)).NextWakeUpAt;
        Assert.Equal(app.Clock.GetUtcNow().AddDays(200), wake);

        // The delayed queue message is lost (never delivered); only the due-timer index is left.
        await app.Storage.Queue(app.WorkQueueName).ClearMessagesAsync(TestContext.Current.CancellationToken);
        app.Clock.Advance(TimeSpan.FromDays(200));
        await app.SweepAsync();
        await app.DeliverWorkAsync();

        var state = await app.StateAsync(id);
        Assert.Equal("awake", state.Phase);
        Assert.Contains("woke", state.Log);
        Assert.Null((await app.InstanceAsync(id)).NextWakeUpAt);
    }

    [Fact]
    public async Task A_wake_up_that_fires_twice_is_applied_once()
    {
        var id = await app.StartAsync(Key());
        await app.SendAsync(id, new PingPong.Nap(TimeSpan.FromMinutes(30)));
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        await app.Engine.RunDueAsync(id, null, null, TestContext.Current.CancellationToken);
        await app.Engine.RunDueAsync(id, null, null, TestContext.Current.CancellationToken);
        await app.SweepAsync();
        await app.DeliverWorkAsync();

        Assert.Single((await app.StateAsync(id)).Log, l => l == "woke");
        Assert.Single(app.Pongs.Performed, e => e.StartsWith(id + ".", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_effect_stays_pending_with_its_error_and_an_administrator_retry_performs_it()
    {
        var id = await app.StartAsync(Key());
        app.Pongs.FailWhen = p => p.N == 404;

        await app.SendAsync(id, new PingPong.Ping(404));

        var pending = Assert.Single((await app.InstanceAsync(id)).Outbox);
        Assert.Equal("test.pong", pending.Kind);
        Assert.True(pending.Attempts >= 1);
        Assert.Contains("the pong service is down", pending.LastError, StringComparison.Ordinal);
        Assert.Contains(await app.Store.HistoryAsync(id, TestContext.Current.CancellationToken), h => h.Kind == "effect-failed");

        app.Pongs.FailWhen = _ => false;
        Assert.True(await app.Engine.RetryEffectAsync(id, pending.Id, TestContext.Current.CancellationToken));

        Assert.Empty((await app.InstanceAsync(id)).Outbox);
        Assert.Contains(pending.Id, app.Pongs.Performed);
    }

    [Fact]
    public async Task A_failing_effect_is_retried_by_the_sweep_once_the_service_is_back()
    {
        var id = await app.StartAsync(Key());
        app.Pongs.FailWhen = p => p.N == 503;
        await app.SendAsync(id, new PingPong.Ping(503));
        var pending = Assert.Single((await app.InstanceAsync(id)).Outbox);

        app.Pongs.FailWhen = _ => false;
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await app.SweepAsync();
        await app.DeliverWorkAsync();

        Assert.Empty((await app.InstanceAsync(id)).Outbox);
        Assert.Contains(pending.Id, app.Pongs.Performed);
    }

    [Fact]
    public async Task A_child_completion_reaches_the_parent()
    {
        var parent = await app.StartAsync(Key());
        var childKey = Key();

        await app.SendAsync(parent, new PingPong.Spawn(childKey));
        var child = InstanceIds.For(PingPong.DefinitionName, childKey);
        Assert.Equal("awaiting-approval", (await app.InstanceAsync(child)).Step);
        Assert.Equal(parent, (await app.InstanceAsync(child)).ParentId);

        await app.SendAsync(child, new PingPong.Finish("approved"));

        Assert.Equal(ProcessStatus.Completed, (await app.InstanceAsync(child)).Status);
        Assert.Equal(["approved"], (await app.StateAsync(parent)).ChildOutcomes);
        Assert.Contains("child result approved after 0 pings", (await app.StateAsync(parent)).Log);
    }

    [Fact]
    public async Task A_decider_can_hand_a_party_to_someone_else_who_then_may_send_and_whose_calendar_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await app.StartAsync(Key(), new Dictionary<string, IReadOnlyList<string>> { ["approver"] = ["director-1"] });
        // Friday 2031-04-11 is Good Friday in Portugal; the delegate lives by the Lisbon calendar.
        app.Clock.SetUtcNow(Later(new DateTimeOffset(2031, 4, 10, 15, 0, 0, TimeSpan.Zero)));
        var lisbon = new PartyCalendar("PT", null, null, "Europe/Lisbon");

        await app.SendAsync(id, new PingPong.HandApproval("director-2", lisbon));

        var instance = await app.InstanceAsync(id);
        Assert.Equal(["director-2"], instance.Parties["approver"]);
        Assert.Equal(lisbon, instance.Calendars["approver"]);
        Assert.Equal(new DateTimeOffset(2031, 4, 14, 8, 0, 0, TimeSpan.Zero), instance.NextWakeUpAt); // Monday 09:00 Lisbon (WEST)
        Assert.Equal(SendOutcome.NotAllowed, await app.Engine.SendAsync(id, "a1", new EngineInput.Command(new PingPong.Approve()), Sender.Person("director-1", [Role.Director]), ct));
        Assert.Equal(SendOutcome.Applied, await app.Engine.SendAsync(id, "a2", new EngineInput.Command(new PingPong.Approve()), Sender.Person("director-2", [Role.Director]), ct));
        Assert.Contains(await app.Store.HistoryAsync(id, ct), h => h.Kind == "party-changed" && h.What == "approver" && h.Detail == "director-2");
    }

    /// <summary>The class's clock only moves forward (other tests move it by days): a date far enough ahead.</summary>
    private DateTimeOffset Later(DateTimeOffset at) => at > app.Clock.GetUtcNow() ? at : throw new InvalidOperationException("the shared clock is past the test's date");

    [Fact]
    public async Task Terminating_a_parent_terminates_its_children()
    {
        var parent = await app.StartAsync(Key());
        var childKey = Key();
        await app.SendAsync(parent, new PingPong.Spawn(childKey));
        var child = InstanceIds.For(PingPong.DefinitionName, childKey);

        Assert.Equal(SendOutcome.Applied, await app.Engine.TerminateAsync(parent, "opened twice", Sender.System, TestContext.Current.CancellationToken));

        Assert.Equal(ProcessStatus.Terminated, (await app.InstanceAsync(parent)).Status);
        Assert.Equal(ProcessStatus.Terminated, (await app.InstanceAsync(child)).Status);
        Assert.Equal(SendOutcome.Ended, await app.SendAsync(parent, new PingPong.Ping(1)));
    }

    [Theory]
    [InlineData(400_000, false)]
    [InlineData(3_000_000, true)]
    public async Task Large_states_round_trip(int size, bool incompressible)
    {
        var id = await app.StartAsync(Key());
        var ballast = incompressible
            ? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(size * 3 / 4))
            : string.Concat(Enumerable.Range(0, size / 10).Select(i => $"{i:D9},"));

        Assert.Equal(SendOutcome.Applied, await app.SendAsync(id, new PingPong.Grow(ballast)));
        Assert.Equal(ballast, (await app.StateAsync(id)).Ballast);

        // And it keeps working: the next transition reads and rewrites it.
        Assert.Equal(SendOutcome.Applied, await app.SendAsync(id, new PingPong.Ping(7)));
        var state = await app.StateAsync(id);
        Assert.Equal(ballast, state.Ballast);
        Assert.Equal(1, state.Pings);
    }

    [Fact]
    public async Task A_state_spilled_to_a_blob_leaves_no_old_blobs_behind()
    {
        var id = await app.StartAsync(Key());
        var ballast = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2_000_000));
        await app.SendAsync(id, new PingPong.Grow(ballast));
        await app.SendAsync(id, new PingPong.Ping(1));
        await app.SendAsync(id, new PingPong.Ping(2));

        var container = app.Storage.Container(KamFlows.App.Storage.StorageLayout.SystemContainer);
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"state/{id}/", TestContext.Current.CancellationToken))
        {
            blobs.Add(blob.Name);
        }

        Assert.Single(blobs);
    }
}
