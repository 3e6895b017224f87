using System.Text.Json.Nodes;

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>
/// The requests the Azure Functions host sends a custom handler for a timer or queue invocation:
/// <c>POST /{FunctionName}</c> with <c>{"Data": {...}, "Metadata": {...}}</c> and an invocation id header.
/// </summary>
internal static class HostPayloads
{
    /// <summary>A filled <c>ScheduleStatus</c>, as the host sends it once a timer has run before.</summary>
    public static string ScheduleStatus(DateTimeOffset last, DateTimeOffset next) => new JsonObject
    {
        ["Last"] = last.UtcDateTime.ToString("O"),
        ["Next"] = next.UtcDateTime.ToString("O"),
        ["LastUpdated"] = last.UtcDateTime.ToString("O"),
    }.ToJsonString();

    /// <summary>The timer payload: <c>Data.{binding}</c> = <c>{Schedule, ScheduleStatus (null before the first run), IsPastDue}</c>.</summary>
    public static string Timer(string function, string binding, string? scheduleStatus, bool pastDue)
    {
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = scheduleStatus is null ? null : JsonNode.Parse(scheduleStatus),
            ["IsPastDue"] = pastDue,
        };
        return new JsonObject
        {
            ["Data"] = new JsonObject { [binding] = timer },
            ["Metadata"] = new JsonObject
            {
                ["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = "2026-03-02T12:00:00Z", ["RandGuid"] = Guid.NewGuid().ToString() },
            },
        }.ToJsonString();
    }

    /// <summary>The queue payload: the host passes the (base64-decoded) message text as a JSON string.</summary>
    public static string Queue(string function, string binding, string message) => new JsonObject
    {
        ["Data"] = new JsonObject { [binding] = message },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = 1,
            ["Id"] = Guid.NewGuid().ToString(),
            ["InsertionTime"] = "2026-03-02T12:00:00+00:00",
            ["NextVisibleTime"] = "2026-03-02T12:10:00+00:00",
            ["ExpirationTime"] = "2026-03-09T12:00:00+00:00",
            ["PopReceipt"] = "x",
            ["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = "2026-03-02T12:00:00Z" },
        },
    }.ToJsonString();

    /// <summary>The invocation request for <paramref name="function"/>.</summary>
    public static HttpRequestMessage Invocation(string function, string payload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/" + function)
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        return request;
    }
}
