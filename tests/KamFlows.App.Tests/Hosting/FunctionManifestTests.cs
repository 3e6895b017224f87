using System.Text.Json.Nodes;
using KamFlows.App.Hosting;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Hosting;

/// <summary>
/// The function.json files and the app agree: what the Functions host will route to the app exists in
/// the app, every trigger the app handles is declared, and no HTTP function can reach a trigger endpoint.
/// </summary>
public sealed class FunctionManifestTests(FunctionManifestTests.App app) : IClassFixture<FunctionManifestTests.App>
{
    public sealed class App : KamFlowsApp
    {
        public App(Azurite azurite)
            : base(azurite) => UnderFunctionsHost = true;
    }

    private static readonly string AppFolder = Path.Combine(RepositoryRoot.Find(), "functions", "KamFlows.App");

    private static IEnumerable<(string Name, JsonNode Json)> FunctionJsonFiles() =>
        Directory.GetDirectories(AppFolder)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => (Path.GetFileName(d), JsonNode.Parse(File.ReadAllText(Path.Combine(d, "function.json")))!));

    private List<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void Every_function_json_is_anonymous_and_http_functions_are_proxyable()
    {
        var files = FunctionJsonFiles().ToList();
        Assert.NotEmpty(files);
        foreach (var (name, json) in files)
        {
            var bindings = json["bindings"]!.AsArray();
            var trigger = bindings.Single(b => (string?)b!["direction"] == "in")!;
            if ((string?)trigger["type"] == "httpTrigger")
            {
                Assert.True((string?)trigger["authLevel"] == "anonymous", $"{name}: authLevel must be anonymous; the app authenticates.");
                // Proxying applies only to exactly one httpTrigger in and one http out.
                Assert.Equal(2, bindings.Count);
                Assert.Equal("http", (string?)bindings.Single(b => (string?)b!["direction"] == "out")!["type"]);
            }
        }
    }

    [Fact]
    public void Http_functions_declare_explicit_route_groups_never_a_catch_all_or_admin()
    {
        foreach (var function in app.Services.GetRequiredService<FunctionManifest>().Triggers(TriggerKind.Http))
        {
            Assert.False(string.IsNullOrWhiteSpace(function.Route), $"{function.Name} has no route: it would take every path.");
            var first = RoutePatternFactory.Parse(function.Route!).PathSegments[0];
            Assert.True(first.IsSimple && first.Parts[0].IsLiteral, $"{function.Name}: route '{function.Route}' must start with a literal group.");
            Assert.False(function.Route!.StartsWith("admin", StringComparison.OrdinalIgnoreCase), $"{function.Name}: admin/ is the host's.");
        }
    }

    [Fact]
    public void Every_http_route_group_has_endpoints_in_the_app()
    {
        var endpoints = Endpoints();
        foreach (var function in app.Services.GetRequiredService<FunctionManifest>().Triggers(TriggerKind.Http))
        {
            var group = function.Route!.Split('/')[0];
            Assert.Contains(endpoints, e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith(group + "/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_timer_and_queue_function_json_has_its_trigger_endpoint_and_every_trigger_endpoint_its_function_json()
    {
        var manifest = app.Services.GetRequiredService<FunctionManifest>();
        var declared = manifest.Triggers(TriggerKind.Timer).Concat(manifest.Triggers(TriggerKind.Queue)).Select(f => f.Name).Order().ToList();
        var mapped = Endpoints().SelectMany(e => e.Metadata.OfType<TriggerEndpointMetadata>()).Select(m => m.FunctionName).Order().ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared, mapped);
        var files = FunctionJsonFiles().Select(f => f.Name).ToHashSet();
        Assert.All(mapped, name => Assert.Contains(name, files));
    }

    [Fact]
    public void No_http_function_route_can_match_a_trigger_endpoint()
    {
        var manifest = app.Services.GetRequiredService<FunctionManifest>();
        foreach (var http in manifest.Triggers(TriggerKind.Http))
        {
            var matcher = new TemplateMatcher(TemplateParser.Parse(http.Route!), new Microsoft.AspNetCore.Routing.RouteValueDictionary());
            foreach (var trigger in manifest.Triggers(TriggerKind.Timer).Concat(manifest.Triggers(TriggerKind.Queue)))
            {
                Assert.False(matcher.TryMatch("/" + trigger.Name, new Microsoft.AspNetCore.Routing.RouteValueDictionary()),
                    $"HTTP function {http.Name} ({http.Route}) would route /{trigger.Name} to the app from outside.");
            }
        }
    }

    [Fact]
    public void A_function_json_naming_a_missing_setting_stops_the_app_naming_the_setting()
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var json = """{"bindings":[{"type":"queueTrigger","direction":"in","name":"message","queueName":"%NoSuchQueueSetting%"}]}""";

        var e = Assert.Throws<InvalidOperationException>(() => FunctionManifest.Parse("Something", json, config));

        Assert.Contains("NoSuchQueueSetting", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timer_schedule_that_is_not_six_field_ncrontab_stops_the_app_naming_the_function()
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Every"] = "*/5 * * * *" }).Build();
        var json = """{"bindings":[{"type":"timerTrigger","direction":"in","name":"timer","schedule":"%Every%"}]}""";

        var e = Assert.Throws<InvalidOperationException>(() => FunctionManifest.Parse("Sweeper", json, config));

        Assert.Contains("Sweeper", e.Message, StringComparison.Ordinal);
    }
}
