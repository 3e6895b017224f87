using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>
/// The custom-handler contract checked against a running handler, as the Functions host behaves
/// (docs/DESIGN.md, "custom-handler contract"), from the function.json files of a folder:
/// <list type="bullet">
/// <item>GET / answers (the host's readiness probe);</item>
/// <item>every timer function answers POST /{Name} with the host's timer payloads (ScheduleStatus null
/// and filled, IsPastDue false and true) with a 2xx and a JSON object holding Outputs, Logs and ReturnValue;</item>
/// <item>every queue function answers a malformed message (2xx: parked; non-2xx: the host retries, then
/// poison; never a dropped connection), and the app still answers GET / afterwards.</item>
/// </list>
/// </summary>
internal static class HandlerContract
{
    public sealed record Result(int Invocations, IReadOnlyList<string> Failures)
    {
        public override string ToString() =>
            $"{Invocations} invocations; " + (Failures.Count == 0 ? "the contract holds" : "falls short:" + Environment.NewLine + string.Join(Environment.NewLine, Failures));
    }

    /// <summary>The trigger functions of a folder: (name, trigger type, binding name) of each <c>&lt;Name&gt;/function.json</c>.</summary>
    public static IReadOnlyList<(string Name, string Type, string Binding)> Triggers(string folder) =>
        Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Order(StringComparer.Ordinal)
            .Select(d =>
            {
                var json = JsonNode.Parse(File.ReadAllText(Path.Combine(d, "function.json")))!;
                var trigger = json["bindings"]!.AsArray().Single(b => (string?)b!["direction"] == "in")!;
                return (Path.GetFileName(d), (string)trigger["type"]!, (string)trigger["name"]!);
            })
            .ToList();

    public static async Task<Result> CheckAsync(HttpClient client, string functionsFolder, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var invocations = 0;

        if (await AnswerAsync(client, () => new HttpRequestMessage(HttpMethod.Get, "/"), cancellationToken) is null)
        {
            failures.Add("GET / gets no answer (the host's readiness probe)");
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var (name, type, binding) in Triggers(functionsFolder))
        {
            if (type == "timerTrigger")
            {
                foreach (var status in new[] { null, HostPayloads.ScheduleStatus(now.AddMinutes(-1), now.AddMinutes(1)) })
                {
                    foreach (var pastDue in new[] { false, true })
                    {
                        invocations++;
                        var what = $"timer {name} (ScheduleStatus {(status is null ? "null" : "filled")}, IsPastDue {pastDue})";
                        var answer = await AnswerAsync(client, () => HostPayloads.Invocation(name, HostPayloads.Timer(name, binding, status, pastDue)), cancellationToken);
                        if (answer is not { } a)
                        {
                            failures.Add($"{what}: no answer");
                        }
                        else if ((int)a.Status is < 200 or > 299 || !IsInvocationResult(a.Body))
                        {
                            failures.Add($"{what}: HTTP {(int)a.Status} {Shorten(a.Body)}");
                        }
                    }
                }
            }
            else if (type == "queueTrigger")
            {
                invocations++;
                if (await AnswerAsync(client, () => HostPayloads.Invocation(name, HostPayloads.Queue(name, binding, "not-a-valid-message {")), cancellationToken) is null)
                {
                    failures.Add($"queue {name}: no answer to a malformed message");
                }

                if (await AnswerAsync(client, () => new HttpRequestMessage(HttpMethod.Get, "/"), cancellationToken) is null)
                {
                    failures.Add($"queue {name}: GET / gets no answer after a malformed message");
                }
            }
        }

        return new Result(invocations, failures);
    }

    /// <summary>The answer, or null when the connection is refused or dropped.</summary>
    private static async Task<(HttpStatusCode Status, string Body)?> AnswerAsync(HttpClient client, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        try
        {
            using var message = request();
            using var response = await client.SendAsync(message, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static bool IsInvocationResult(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("Outputs", out var outputs) && outputs.ValueKind is JsonValueKind.Object or JsonValueKind.Null
                && root.TryGetProperty("Logs", out var logs) && logs.ValueKind is JsonValueKind.Array or JsonValueKind.Null
                && root.TryGetProperty("ReturnValue", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "...";
}
