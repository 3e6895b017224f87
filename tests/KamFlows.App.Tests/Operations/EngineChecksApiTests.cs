using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Operations;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Operations;

/// <summary>The engine check through the API, as an operator runs it after a deployment.</summary>
public sealed class EngineChecksApiTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static object Event(string eventId, object command) => new { eventId, command };

    [Fact]
    public async Task An_administrator_starts_a_check_pings_it_and_sees_each_pong_performed_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = app.AdminClient();
        var key = Guid.NewGuid().ToString("N");

        var started = await admin.PostAsJsonAsync("/api/admin/engine-checks", new { key }, ct);
        var again = await admin.PostAsJsonAsync("/api/admin/engine-checks", new { key }, ct);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var first = await app.ReadAsync<EngineChecksApi.EngineCheckStarted>(started);
        var second = await app.ReadAsync<EngineChecksApi.EngineCheckStarted>(again);
        Assert.Equal($"/api/processes/{first.Id}", started.Headers.Location?.OriginalString);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Id, second.Id);

        foreach (var n in new[] { 1, 2, 1 })
        {
            var sent = await admin.PostAsJsonAsync($"/api/processes/{first.Id}/events", Event($"ping-{n}", new { type = "ping", n }), ct);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var report = await app.ReadAsync<EngineChecksApi.EngineCheckReport>(await admin.GetAsync($"/api/admin/engine-checks/{first.Id}", ct));
        Assert.Equal([1, 2], report.Pings);
        Assert.Empty(report.PendingEffects);
        var performances = await app.ReadAsync<Dictionary<string, int>>(await admin.GetAsync($"/api/admin/engine-checks/{first.Id}/performances", ct));
        Assert.Equal(2, performances.Count);
        Assert.All(performances.Values, count => Assert.Equal(1, count));
        Assert.Equal(report.Performances, performances);
    }

    [Fact]
    public async Task A_key_account_manager_may_not_start_or_read_a_check()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = People.UniqueEmail("kam");
        await People.CreateAsync(app.AdminClient(), email, "Kam");
        var kam = app.ClientFor(email);

        var start = await kam.PostAsJsonAsync("/api/admin/engine-checks", new { key = "k" }, ct);
        var read = await kam.GetAsync("/api/admin/engine-checks/enginecheck-0/performances", ct);

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task Performances_of_an_unknown_check_are_not_found()
    {
        var response = await app.AdminClient().GetAsync("/api/admin/engine-checks/enginecheck-missing/performances", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
