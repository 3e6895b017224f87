using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KamFlows.App.Engine;
using KamFlows.App.Features.Reviews;
using KamFlows.App.Tests.Engine;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Plans;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Tests.Reviews;

/// <summary>
/// The real app, as a separate process, killed (Environment.FailFast) after the second of four
/// batches of a quarter's fan-out: started again, the guard row's sweep finishes the fan-out, and
/// every plan gets exactly one review (one task and one email each), none twice.
/// </summary>
public sealed class ReviewFanOutCrashTests(Azurite azurite)
{
    private const int Plans = 7;

    [Fact]
    public async Task A_crash_midway_through_the_fan_out_still_gives_every_plan_exactly_one_review()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = AppCluster.HarnessSettings(azurite, "r" + Guid.NewGuid().ToString("N")[..12]);
        settings["Reviews__BatchSize"] = "2";
        await using var cluster = await AppCluster.StartAsync(settings, 1, null, 1, restartCrashed: true, ct);
        var app = cluster.Live.Single();
        var kamEmail = People.UniqueEmail("kam");
        var kam = await CreateUserAsync(app.Client, kamEmail, "Kam", ct);
        var head = await CreateUserAsync(app.Client, People.UniqueEmail("head"), "HeadOfKam", ct);
        var director = await CreateUserAsync(app.Client, People.UniqueEmail("dir"), "Director", ct);
        var unit = "U" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        (await app.Client.PostAsJsonAsync("/api/business-units", new { code = unit, name = "Pharma", country = "BR", headOfKamUserId = head, directorUserId = director }, ct)).EnsureSuccessStatusCode();
        var accounts = new List<string>();
        for (var i = 0; i < Plans; i++)
        {
            var created = await app.Client.PostAsJsonAsync("/api/accounts", new
            {
                name = $"Hospital {i}",
                taxId = "12.ABC.345/01DE-35",
                country = "BR",
                region = "BR-SP",
                timeZone = "America/Sao_Paulo",
                businessUnit = unit,
                segment = "Hospitals",
                ownerUserId = kam,
                coKamUserIds = Array.Empty<string>(),
                stage = "Mid",
                revenue = Array.Empty<object>(),
            }, ct);
            var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync(ct))!["id"]!;
            (await app.Client.PutAsJsonAsync(PlanBodies.Url(id), PlanBodies.Plan(kam), ct)).EnsureSuccessStatusCode();
            accounts.Add(id);
        }

        var quarter = Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow)).ToString();
        await cluster.ArmAsync(SavePoint.FanOutBatchSent, 2, ct);
        await Assert.ThrowsAnyAsync<Exception>(async () => await app.Client.PostAsync($"/api/reviews/quarters/{quarter}/start", null, ct));
        Assert.True(await app.ExitsWithinAsync(TimeSpan.FromSeconds(10)));
        await cluster.RecoverAsync(ct); // started again; the clock moves past the leases, so the sweep fires the fan-out's guard row

        var view = await Eventually.ReturnsAsync(
            () => cluster.CallAsync(async c => (await c.GetFromJsonAsync<QuarterReviewsView>($"/api/reviews/quarters/{quarter}", KamFlowsApp.Json, ct))!, ct),
            v => v.Open == Plans, TimeSpan.FromSeconds(90));

        Assert.Equal(1, cluster.Deaths);
        Assert.Contains("crash injected at FanOutBatchSent, occurrence 2", string.Join(Environment.NewLine, cluster.DeathNotes), StringComparison.Ordinal);
        Assert.Equal(accounts.Order(), view.Items.Select(i => i.AccountId).Order());
        var kamClient = await ClientForAsync(cluster.Live.Single(), kamEmail, ct);
        // A review's step is committed before its task is given (an effect after the commit), so the
        // last plans' tasks may still be on their way when the view shows every review open.
        var reviewTasks = await Eventually.ReturnsAsync(
            async () =>
            {
                var tasks = await kamClient.GetFromJsonAsync<JsonObject>("/api/me/tasks?when=Upcoming&pageSize=100", ct);
                return tasks!["items"]!.AsArray().Select(t => t!["task"]!).Where(t => (string)t["kind"]! == "quarterly-review").Select(t => (string)t["accountId"]!).ToList();
            },
            t => t.Count >= Plans, TimeSpan.FromSeconds(30));
        Assert.Equal(accounts.Order(), reviewTasks.Order()); // one task per plan, none twice
    }

    private static async Task<string> CreateUserAsync(HttpClient admin, string email, string role, CancellationToken ct)
    {
        var created = await admin.PostAsJsonAsync("/api/users", People.UserBody(email, [role]), ct);
        created.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await created.Content.ReadAsStringAsync(ct))!["id"]!;
    }

    private static async Task<HttpClient> ClientForAsync(AppProcess app, string email, CancellationToken ct)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await client.PostAsJsonAsync("/dev/token", new { email }, ct);
        var issued = JsonNode.Parse(await token.Content.ReadAsStringAsync(ct))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)issued["accessToken"]!);
        return client;
    }
}
