using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KamFlows.App.Tests.Accounts;

namespace KamFlows.App.Tests.Plans;

/// <summary>Plan drafts as a client sends them: one goal for 2026, milestones in Q1 and Q2, actions owned by <c>owner</c>.</summary>
internal static class PlanBodies
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static JsonObject Plan(string owner, params string[] keyContactIds) => new()
    {
        ["mission"] = "Be the hospital's first supplier of oncology drugs",
        ["financialSummary"] = new JsonObject { ["currency"] = "BRL", ["currentAnnualRevenue"] = 1_000_000, ["targetAnnualRevenue"] = 2_000_000, ["notes"] = null },
        ["customerOverview"] = new JsonObject { ["text"] = "Private hospital group, five sites", ["keyContactIds"] = new JsonArray([.. keyContactIds.Select(c => JsonValue.Create(c))]) },
        ["criticalSuccessFactors"] = new JsonArray("Speed of delivery", "Clinical support"),
        ["portfolio"] = new JsonArray(new JsonObject { ["line"] = "Oncology", ["currency"] = "BRL", ["currentRevenue"] = 600_000, ["targetRevenue"] = 1_500_000 }),
        ["assumptions"] = new JsonArray("Budget approved in March"),
        ["objectives"] = new JsonArray("Win the 2026 tender"),
        ["goals"] = new JsonArray(new JsonObject
        {
            ["id"] = "g1",
            ["title"] = "Grow oncology",
            ["measure"] = "Oncology revenue (BRL)",
            ["target"] = 1_500_000,
            ["start"] = "2026-01-01",
            ["due"] = "2026-12-31",
            ["milestones"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "m1",
                    ["quarter"] = "2026-Q1",
                    ["target"] = 700_000,
                    ["actual"] = null,
                    ["actions"] = new JsonArray(Action("a1", "Map the pharmacy committee", owner, "2026-02-15"), Action("a2", "Present the oncology line", owner, "2026-03-20")),
                },
                new JsonObject
                {
                    ["id"] = "m2",
                    ["quarter"] = "2026-Q2",
                    ["target"] = 900_000,
                    ["actual"] = null,
                    ["actions"] = new JsonArray(Action("a3", "Negotiate the framework price", owner, "2026-06-01")),
                }),
        }),
    };

    public static JsonObject Action(string id, string title, string owner, string due, bool done = false) =>
        new() { ["id"] = id, ["title"] = title, ["ownerUserId"] = owner, ["due"] = due, ["done"] = done, ["contactId"] = null };

    public static JsonObject Milestone(this JsonObject plan, int index) => plan["goals"]![0]!["milestones"]![index]!.AsObject();

    public static string Url(string accountId, string rest = "") => $"/api/accounts/{accountId}/plan{rest}";

    /// <summary>Writes the first draft and returns its ETag.</summary>
    public static async Task<string> CreateDraftAsync(HttpClient client, string accountId, JsonObject plan)
    {
        var response = await client.PutAsJsonAsync(Url(accountId), plan, Ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Writing the draft answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        }

        return response.Headers.ETag!.Tag;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string etag, object? body = null)
    {
        using var request = AccountWorld.WithIfMatch(method, url, etag, body);
        return await client.SendAsync(request, Ct);
    }
}
