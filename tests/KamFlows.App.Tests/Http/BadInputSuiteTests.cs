using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KamFlows.App.Http;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Tests.Http;

/// <summary>
/// Bad input for every route with a JSON body, generated from the OpenAPI document, so routes added
/// by later features join automatically: malformed JSON, wrong shapes, wrong content types, wrong
/// types and unknown values per field, oversize bodies. Every answer must be a 4xx problem, and
/// storage must be exactly as it was.
/// </summary>
public sealed class BadInputSuiteTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private sealed record Case(string Method, string Path, string What, HttpContent Body, string? MustMention = null);

    [Fact]
    public async Task Every_json_route_answers_bad_input_with_a_4xx_problem_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = app.AdminClient();
        // Something stored already, so "changes nothing" is tested against real rows too.
        await People.CreateAsync(admin, People.UniqueEmail("existing"), "Kam");
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json", ct))!;
        var cases = Cases(document, app.Services.GetRequiredService<IOptions<AppOptions>>().Value.MaxJsonBodyBytes).ToList();
        var before = await StorageSnapshot.TakeAsync(app.Storage, ct);

        var failures = new List<string>();
        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Path) { Content = c.Body };
            var response = await admin.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500)
            {
                failures.Add($"{c.Method} {c.Path} [{c.What}]: {status} {Shorten(text)}");
            }
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{c.Method} {c.Path} [{c.What}]: {status} without a problem body");
            }
            else if (c.MustMention is not null && !text.Contains(c.MustMention, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{c.Method} {c.Path} [{c.What}]: the problem does not name '{c.MustMention}': {Shorten(text)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(cases.Count > 50, $"only {cases.Count} cases: is the OpenAPI document missing routes?");
        Assert.Equal(before, await StorageSnapshot.TakeAsync(app.Storage, ct));
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static IEnumerable<Case> Cases(JsonNode document, long maxBody)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", "no-such-id");
            foreach (var (method, operation) in item!.AsObject())
            {
                var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
                if (schema is null)
                {
                    continue;
                }

                var m = method.ToUpperInvariant();
                yield return new Case(m, path, "malformed JSON", Json("{\"a\": "));
                yield return new Case(m, path, "a JSON array", Json("[]"));
                yield return new Case(m, path, "JSON null", Json("null"));
                yield return new Case(m, path, "an empty body", Json(""));
                yield return new Case(m, path, "text/plain", new StringContent("{}", Encoding.UTF8, "text/plain"));
                yield return new Case(m, path, "no content type", new ByteArrayContent("{}"u8.ToArray()));
                yield return new Case(m, path, "oversize", Json("{\"x\":\"" + new string('a', (int)maxBody) + "\"}"));
                yield return new Case(m, path, "unknown field", Json("{\"noSuchField\": 1}"), "noSuchField");

                var resolved = Resolve(document, schema);
                if (resolved["required"] is JsonArray { Count: > 0 })
                {
                    yield return new Case(m, path, "no fields", Json("{}"));
                }

                foreach (var (name, property) in resolved["properties"]?.AsObject() ?? [])
                {
                    foreach (var (what, wrong) in WrongValues(document, Resolve(document, property!)))
                    {
                        var body = new JsonObject { [name] = wrong };
                        yield return new Case(m, path, $"{name}: {what}", Json(body.ToJsonString()), name);
                    }
                }
            }
        }
    }

    private static IEnumerable<(string What, JsonNode Value)> WrongValues(JsonNode document, JsonNode schema)
    {
        var types = TypesOf(document, schema);
        if (schema["enum"] is JsonArray)
        {
            yield return ("a value outside the enum", JsonValue.Create("NoSuchValue")!);
        }

        if (types.Contains("string"))
        {
            yield return ("an object for a string", new JsonObject { ["x"] = 1 });
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("text for a number", JsonValue.Create("not-a-number")!);
        }

        if (types.Contains("boolean"))
        {
            yield return ("text for a boolean", JsonValue.Create("maybe")!);
        }

        if (types.Contains("array"))
        {
            yield return ("an object for an array", new JsonObject { ["x"] = 1 });
        }

        if (types.Contains("object"))
        {
            yield return ("an array for an object", new JsonArray(1, 2));
        }
    }

    /// <summary>The JSON types a schema accepts; none for a schema that takes any JSON (then no value is wrong).</summary>
    private static HashSet<string> TypesOf(JsonNode document, JsonNode schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => (string)t!).ToHashSet(),
        JsonValue one => [(string)one!],
        _ => (schema["oneOf"] ?? schema["anyOf"]) is JsonArray members
            ? members.SelectMany(m => TypesOf(document, Resolve(document, m!))).ToHashSet()
            : [],
    };

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        for (var i = 0; i < 10 && schema["$ref"] is JsonValue r; i++)
        {
            var name = ((string)r!).Split('/')[^1];
            schema = document["components"]!["schemas"]![name]!;
        }

        return schema;
    }

    private static StringContent Json(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
