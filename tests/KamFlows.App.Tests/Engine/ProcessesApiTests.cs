using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Processes;
using KamFlows.App.Tests.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Work;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Engine;

/// <summary>The processes API: what an operator and a head of KAM see, and the levers they pull.</summary>
public sealed class ProcessesApiTests(EngineApp app) : IClassFixture<EngineApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Id, string KamEmail, string KamId, string DirectorEmail, string DirectorId)> StartWithPeopleAsync()
    {
        var kamEmail = People.UniqueEmail("kam");
        var directorEmail = People.UniqueEmail("dir");
        var kam = await People.CreateAsync(app.AdminClient(), kamEmail, "Kam");
        var director = await People.CreateAsync(app.AdminClient(), directorEmail, "Director");
        var id = await app.StartAsync(Guid.NewGuid().ToString("N"), new Dictionary<string, IReadOnlyList<string>>
        {
            ["kam"] = [kam.Id],
            ["approver"] = [director.Id],
        });
        await app.DeliverWorkAsync();
        return (id, kamEmail, kam.Id, directorEmail, director.Id);
    }

    private static object Event(string eventId, object command) => new { eventId, command };

    [Fact]
    public async Task The_status_shows_the_step_whom_it_waits_on_and_since_when()
    {
        var (id, _, _, _, directorId) = await StartWithPeopleAsync();

        var view = await app.ReadAsync<ProcessView>(await app.AdminClient().GetAsync($"/api/processes/{id}", Ct));

        Assert.Equal("awaiting-approval", view.Step);
        Assert.Equal(ProcessStatus.Running, view.Status);
        Assert.Equal("approver", view.WaitingOn!.Party);
        Assert.Equal([directorId], view.WaitingOn.UserIds);
        Assert.Equal(app.Clock.GetUtcNow(), view.WaitingOn.Since);
        Assert.Empty(view.PendingEffects);
    }

    [Fact]
    public async Task Lists_by_definition_status_and_whom_they_wait_on()
    {
        var (id, _, _, directorEmail, directorId) = await StartWithPeopleAsync();

        var mine = await app.ReadAsync<JsonElement>(await app.ClientFor(directorEmail).GetAsync($"/api/processes?waitingOn={directorId}", Ct));
        var running = await app.ReadAsync<JsonElement>(await app.AdminClient().GetAsync($"/api/processes?definition={PingPong.DefinitionName}&status=Running&pageSize=500", Ct));

        Assert.Contains(mine.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        Assert.Contains(running.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_kam_lists_only_what_waits_on_him()
    {
        var (id, kamEmail, _, _, _) = await StartWithPeopleAsync();

        var list = await app.ReadAsync<JsonElement>(await app.ClientFor(kamEmail).GetAsync($"/api/processes?definition={PingPong.DefinitionName}", Ct));

        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Events_over_http_are_authorised_per_event_type_and_applied_in_the_request()
    {
        var (id, kamEmail, _, directorEmail, _) = await StartWithPeopleAsync();
        var otherDirector = People.UniqueEmail("other-dir");
        await People.CreateAsync(app.AdminClient(), otherDirector, "Director");

        var byKam = await app.ClientFor(kamEmail).PostAsJsonAsync($"/api/processes/{id}/events", Event("e1", new { type = "approve" }), Ct);
        var byOther = await app.ClientFor(otherDirector).PostAsJsonAsync($"/api/processes/{id}/events", Event("e2", new Dictionary<string, object> { ["$type"] = "approve" }), Ct);
        var byApprover = await app.ClientFor(directorEmail).PostAsJsonAsync($"/api/processes/{id}/events", Event("e3", new Dictionary<string, object> { ["$type"] = "approve" }), Ct);
        var again = await app.ClientFor(directorEmail).PostAsJsonAsync($"/api/processes/{id}/events", Event("e3", new Dictionary<string, object> { ["$type"] = "approve" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, byKam.StatusCode); // not a command this process takes
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal("Applied", (await app.ReadAsync<JsonElement>(byApprover)).GetProperty("outcome").GetString());
        Assert.Equal("Duplicate", (await app.ReadAsync<JsonElement>(again)).GetProperty("outcome").GetString());
        Assert.Equal("approved", (await app.StateAsync(id)).Phase);
    }

    [Fact]
    public async Task The_history_records_inputs_events_and_effects_by_id_and_name()
    {
        var (id, kamEmail, kamId, _, _) = await StartWithPeopleAsync();
        await app.ClientFor(kamEmail).PostAsJsonAsync($"/api/processes/{id}/events", Event("p1", new Dictionary<string, object> { ["$type"] = "ping", ["n"] = 5 }), Ct);

        var history = await app.ReadAsync<List<HistoryEntry>>(await app.AdminClient().GetAsync($"/api/processes/{id}/history", Ct));

        Assert.Equal("started", history[0].Kind);
        Assert.Contains(history, h => h.Kind == "input" && h.What == "Ping" && h.By == $"Person:{kamId}");
        Assert.Contains(history, h => h.Kind == "event" && h.What == "Pinged");
        Assert.Contains(history, h => h.Kind == "effect-done" && h.What == "test.pong");
        Assert.Equal(history.OrderBy(h => h.Sequence).ThenBy(h => h.Index), history);
    }

    [Fact]
    public async Task Only_an_administrator_terminates_and_a_failing_effect_is_shown_and_retried()
    {
        var (id, kamEmail, _, _, _) = await StartWithPeopleAsync();
        app.Pongs.FailWhen = p => p.N == 500;
        await app.ClientFor(kamEmail).PostAsJsonAsync($"/api/processes/{id}/events", Event("p500", new Dictionary<string, object> { ["$type"] = "ping", ["n"] = 500 }), Ct);

        var failing = Assert.Single((await app.ReadAsync<ProcessView>(await app.AdminClient().GetAsync($"/api/processes/{id}", Ct))).PendingEffects);
        Assert.NotNull(failing.LastError);
        app.Pongs.FailWhen = _ => false;
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(kamEmail).PostAsync($"/api/processes/{id}/effects/{failing.Id}/retry", null, Ct)).StatusCode);
        var retried = await app.ReadAsync<ProcessView>(await app.AdminClient().PostAsync($"/api/processes/{id}/effects/{failing.Id}/retry", null, Ct));
        Assert.Empty(retried.PendingEffects);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(kamEmail).PostAsJsonAsync($"/api/processes/{id}/terminate", new { reason = "not mine to end" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.AdminClient().PostAsJsonAsync($"/api/processes/{id}/terminate", new { reason = "opened by mistake" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.AdminClient().PostAsJsonAsync($"/api/processes/{id}/terminate", new { reason = "opened by mistake" }, Ct)).StatusCode);
        Assert.Equal(ProcessStatus.Terminated, (await app.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task Poison_messages_are_kept_shown_on_their_instance_and_replayable()
    {
        var (id, _, _, _, _) = await StartWithPeopleAsync();
        var poisonQueue = app.Storage.Queue(app.WorkQueueName + "-poison");
        await poisonQueue.SendMessageAsync(new WorkItem(ProcessEngine.WorkKind, id).ToJson(), Ct);
        await poisonQueue.SendMessageAsync("not json at all", Ct);

        await app.SweepAsync();

        var listed = await app.ReadAsync<JsonElement>(await app.AdminClient().GetAsync("/api/admin/poison", Ct));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), m => m.GetProperty("kind").GetString() == "malformed");
        var view = await app.ReadAsync<ProcessView>(await app.AdminClient().GetAsync($"/api/processes/{id}", Ct));
        var kept = Assert.Single(view.Poison);
        Assert.Equal(0, (await poisonQueue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);

        var replay = await app.AdminClient().PostAsync($"/api/admin/poison/{id}/{kept.Id}/replay", null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var work = (await app.Storage.Queue(app.WorkQueueName).PeekMessagesAsync(32, Ct)).Value;
        Assert.Contains(work, m => WorkItem.Parse(m.Body.ToString()).Id == id);
        Assert.NotNull((await app.ReadAsync<ProcessView>(await app.AdminClient().GetAsync($"/api/processes/{id}", Ct))).Poison.Single().ReplayedAt);
    }

    [Fact]
    public async Task The_running_processes_of_a_reassigned_account_hear_of_it()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var started = await app.Engine.StartAsync(new StartRequest(PingPong.DefinitionName, Guid.NewGuid().ToString("N"), new PingPong.Begin(),
            EngineApp.NoParties, new Dictionary<string, PartyCalendar>(), AccountId: account.Id), Sender.System, Ct);
        await app.DeliverWorkAsync();
        var etag = (await world.As(world.Head).GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;

        using var reassign = AccountWorld.WithIfMatch(HttpMethod.Post, $"/api/accounts/{account.Id}/reassign", etag,
            new { newOwnerUserId = world.KamB.Id, reason = "KAM A moves to another region" });
        Assert.Equal(HttpStatusCode.OK, (await world.As(world.Head).SendAsync(reassign, Ct)).StatusCode);

        var history = await app.Store.HistoryAsync(started.InstanceId, Ct);
        Assert.Single(history, h => h.What == "AccountReassigned" && h.By == "system");
    }
}
