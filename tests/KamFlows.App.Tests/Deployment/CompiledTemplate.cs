using System.Text.Json.Nodes;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Deployment;

/// <summary>
/// infra/main.bicep compiled to an ARM template with the project's pinned Bicep CLI (scripts/bicep.sh
/// restores it into .artifacts/bicep when missing), and the app settings it gives the Function App.
/// </summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private JsonObject _main = new();

    /// <summary>
    /// Every app setting of the Function App: name and value. The value is the literal the template
    /// writes (a parameter's default included), or the ARM expression (<c>[...]</c>) computed in Azure
    /// (endpoints, ids, Key Vault references, the values azd passes from its environment).
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; private set; } = new Dictionary<string, string>();

    public static bool IsExpression(string value) => value.StartsWith('[') && !value.StartsWith("[[", StringComparison.Ordinal);

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var restore = await ProcessRunner.RunAsync("bash", [Path.Combine(root, "scripts", "bicep.sh")], root, TimeSpan.FromMinutes(5));
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The Bicep CLI could not be restored (scripts/bicep.sh exited with {restore.ExitCode}); these tests compile infra/main.bicep with it:{Environment.NewLine}{restore.Errors}");
        }

        var bicep = restore.Output.Trim();
        var build = await ProcessRunner.RunAsync(bicep, ["build", Path.Combine(root, "infra", "main.bicep"), "--stdout"], root, TimeSpan.FromMinutes(2));
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build infra/main.bicep failed:{Environment.NewLine}{build.Errors}");
        }

        _main = JsonNode.Parse(build.Output)!.AsObject();
        AppSettings = ReadAppSettings();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// The settings of the module deployment that holds the Function App (a Microsoft.Web/sites of kind
    /// functionapp): its site's <c>siteConfig.appSettings</c> and its <c>sites/config</c> 'appsettings'
    /// resource, whose properties may be an expression such as <c>union(parameters('appSettings'),
    /// createObject('App__PublicBaseUrl', ...))</c>.
    /// </summary>
    private Dictionary<string, string> ReadAppSettings()
    {
        var module = Resources(_main).SingleOrDefault(r => (string?)r["type"] == "Microsoft.Resources/deployments"
                && Resources(r["properties"]!["template"]!).Any(IsFunctionApp))
            ?? throw new InvalidOperationException("The compiled template has no module deployment with a Microsoft.Web/sites of kind functionapp.");
        var moduleTemplate = module["properties"]!["template"]!;
        var moduleParameters = module["properties"]!["parameters"]?.AsObject() ?? [];

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var site in Resources(moduleTemplate).Where(IsFunctionApp))
        {
            foreach (var setting in site["properties"]?["siteConfig"]?["appSettings"]?.AsArray() ?? [])
            {
                settings[(string)setting!["name"]!] = setting["value"]?.ToString() ?? "";
            }
        }

        foreach (var config in Resources(moduleTemplate).Where(r => (string?)r["type"] == "Microsoft.Web/sites/config"
                     && ((string?)r["name"] ?? "").Contains("appsettings", StringComparison.Ordinal)))
        {
            foreach (var (name, value) in Settings(config["properties"]!, moduleParameters))
            {
                settings[name] = value;
            }
        }

        return settings;
    }

    private IEnumerable<(string Name, string Value)> Settings(JsonNode properties, JsonObject moduleParameters) => properties switch
    {
        JsonObject literal => literal.Select(p => (p.Key, MainValue(p.Value))),
        JsonValue value when (string?)value is { } text && IsExpression(text) => Settings(ArmExpression.Parse(text[1..^1]), moduleParameters),
        _ => throw new InvalidOperationException($"Cannot read app setting names from {properties.ToJsonString()}."),
    };

    private IEnumerable<(string Name, string Value)> Settings(ArmExpression.Node node, JsonObject moduleParameters) => node switch
    {
        ArmExpression.Call { Name: "union" } union => union.Arguments.SelectMany(a => Settings(a, moduleParameters)),
        ArmExpression.Call { Name: "createObject" } create => create.Arguments.Chunk(2).Select(pair =>
            (pair[0] is ArmExpression.Text { Value: var key } ? key : throw Unreadable(pair[0]), "[" + pair[1].Source + "]")),
        ArmExpression.Call { Name: "parameters", Arguments: [ArmExpression.Text { Value: var parameter }] } =>
            moduleParameters[parameter]?["value"] is JsonObject passed
                ? passed.Select(p => (p.Key, MainValue(p.Value)))
                : throw Unreadable(node),
        _ => throw Unreadable(node),
    };

    /// <summary>A value written in the main template: a literal, a main parameter's non-empty default, or the expression.</summary>
    private string MainValue(JsonNode? value)
    {
        var text = value?.ToString() ?? "";
        if (IsExpression(text)
            && ArmExpression.Parse(text[1..^1]) is ArmExpression.Call { Name: "parameters", Arguments: [ArmExpression.Text { Value: var name }] }
            && (string?)_main["parameters"]?[name]?["defaultValue"] is { Length: > 0 } defaultValue)
        {
            return defaultValue;
        }

        return text;
    }

    private static bool IsFunctionApp(JsonNode? resource) =>
        (string?)resource?["type"] == "Microsoft.Web/sites" && ((string?)resource["kind"] ?? "").Contains("functionapp", StringComparison.Ordinal);

    private static IEnumerable<JsonNode> Resources(JsonNode template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonNode>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonNode>(),
        _ => [],
    };

    private static InvalidOperationException Unreadable(ArmExpression.Node node) =>
        new($"Cannot read app setting names from the template expression '{node.Source}': teach CompiledTemplate this form.");
}
