using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using KamFlows.App.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace KamFlows.App.Tests.Deployment;

/// <summary>
/// The app settings the Bicep template gives the Function App (infra/main.bicep, compiled) are the ones
/// the app and the Functions host need: the app starts in Production on them alone, each one the app
/// cannot do without stops it naming that setting when missing, and every <c>%Setting%</c> a
/// function.json names is one of them.
/// </summary>
public sealed partial class AppSettingsTemplateTests(CompiledTemplate template, Azurite azurite) : IClassFixture<CompiledTemplate>
{
    private static readonly string[] StorageEndpoints = ["Storage__BlobServiceUri", "Storage__QueueServiceUri", "Storage__TableServiceUri"];

    [Fact]
    public void Every_setting_a_function_json_names_is_an_app_setting_of_the_template()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "functions", "KamFlows.App");
        var named = Directory.GetDirectories(folder)
            .Select(d => Path.Combine(d, "function.json"))
            .Where(File.Exists)
            .SelectMany(f => StringValues(JsonNode.Parse(File.ReadAllText(f))).Select(v => (Function: Path.GetFileName(Path.GetDirectoryName(f)!), Value: v)))
            .Select(x => (x.Function, Match: SettingReference().Match(x.Value)))
            .Where(x => x.Match.Success)
            .Select(x => (x.Function, Setting: x.Match.Groups[1].Value))
            .ToList();

        Assert.NotEmpty(named);
        var missing = named.Where(x => !template.AppSettings.ContainsKey(x.Setting)).Select(x => $"{x.Setting} (named by {x.Function}/function.json)").ToList();
        Assert.True(missing.Count == 0, "The Functions host resolves these from app settings, but the template does not set them: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_template_settings_alone_start_the_app_in_production()
    {
        var settings = InAzure(template.AppSettings);

        await using var app = new TemplateSettingsApp(OnAzurite(settings));
        var outcome = Start(app);

        Assert.True(outcome is null, "The app does not start in Production on the template's app settings (values made up where Azure computes them): " + outcome);
        var health = await app.CreateClient().GetAsync("/api/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // Started as under the Functions host, with the exporter the template chose.
        Assert.True(app.Services.GetRequiredService<FunctionsHost>().IsPresent);
        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void Without_any_one_template_setting_the_app_starts_or_stops_naming_that_setting()
    {
        var settings = InAzure(template.AppSettings);
        using (var all = new TemplateSettingsApp(OnAzurite(settings)))
        {
            Assert.True(Start(all) is null, "The app does not start even with every template setting; see The_template_settings_alone_start_the_app_in_production.");
        }

        var needed = new List<string>();
        var unnamed = new List<string>();

        foreach (var name in settings.Keys)
        {
            var without = settings.Where(s => s.Key != name).ToDictionary();
            using var app = new TemplateSettingsApp(OnAzurite(without));
            if (Start(app) is not { } failure)
            {
                continue; // optional for the app (a default applies), or read only by the Functions host
            }

            needed.Add(name);
            if (!Names(failure, name))
            {
                unnamed.Add($"{name}: {failure}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine("Settings the app cannot start without: " + string.Join(", ", needed));
        Assert.NotEmpty(needed);
        Assert.True(unnamed.Count == 0, "Without these settings the app stops with a message that does not name them:" + Environment.NewLine + string.Join(Environment.NewLine, unnamed));
    }

    /// <summary>
    /// The settings as the app sees them in Azure: the template's literal values, made-up values of the
    /// right shape where Azure computes them (URIs, ids, emails, the Application Insights connection
    /// string), and the port the Functions host adds when it starts the handler.
    /// </summary>
    private static Dictionary<string, string> InAzure(IReadOnlyDictionary<string, string> appSettings)
    {
        var settings = appSettings.ToDictionary(s => s.Key, s => CompiledTemplate.IsExpression(s.Value) ? MadeUp(s.Key) : s.Value);
        settings["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999";
        return settings;
    }

    private static string MadeUp(string name)
    {
        var last = name.Split("__").Last(part => !part.All(char.IsDigit));
        if (last.EndsWith("Uri", StringComparison.OrdinalIgnoreCase) || last.EndsWith("Url", StringComparison.OrdinalIgnoreCase) || last.EndsWith("Instance", StringComparison.OrdinalIgnoreCase))
            return $"https://{NonAlphanumeric().Replace(name.ToLowerInvariant(), "-")}.example.com/";
        if (last.EndsWith("Id", StringComparison.OrdinalIgnoreCase) || last.EndsWith("_ID", StringComparison.Ordinal))
            return Guid.NewGuid().ToString();
        if (last.EndsWith("Address", StringComparison.OrdinalIgnoreCase) || last.EndsWith("Admins", StringComparison.OrdinalIgnoreCase) || last.EndsWith("Email", StringComparison.OrdinalIgnoreCase))
            return "someone@example.com";
        if (last.EndsWith("Key", StringComparison.Ordinal))
            return Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)); // a Key Vault secret such as the link key
        if (last.EndsWith("CONNECTION_STRING", StringComparison.Ordinal))
            return $"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint=https://127.0.0.1:9/";
        return "x";
    }

    /// <summary>
    /// Azurite cannot do managed identity: when the three storage endpoints are all set, the app is
    /// pointed at the run's Azurite by connection string instead (with a prefix of its own). When one
    /// of them is missing, they stay as they are, so the app judges the missing one.
    /// </summary>
    private Dictionary<string, string> OnAzurite(Dictionary<string, string> settings)
    {
        if (!StorageEndpoints.All(settings.ContainsKey))
        {
            return settings;
        }

        var local = settings.Where(s => !StorageEndpoints.Contains(s.Key)).ToDictionary();
        local["Storage__ConnectionString"] = azurite.ConnectionString;
        local["Storage__Prefix"] = "s" + Guid.NewGuid().ToString("N")[..12];
        return local;
    }

    /// <summary>Starts the app: null when it starts, else everything its failure says.</summary>
    private static string? Start(TemplateSettingsApp app)
    {
        try
        {
            _ = app.Services.GetRequiredService<EndpointDataSource>();
            return null;
        }
        catch (Exception e)
        {
            return Describe(e);
        }
    }

    private static bool Names(string failure, string setting)
    {
        var section = setting.Replace("__", ":", StringComparison.Ordinal);
        var withoutIndex = TrailingIndex().Replace(section, "");
        return failure.Contains(setting, StringComparison.Ordinal) || failure.Contains(section, StringComparison.Ordinal) || failure.Contains(withoutIndex, StringComparison.Ordinal);
    }

    private static string Describe(Exception e) => e switch
    {
        AggregateException a => string.Join(" | ", a.InnerExceptions.Select(Describe)),
        { InnerException: { } inner } => e.Message + " | " + Describe(inner),
        _ => e.Message,
    };

    private static IEnumerable<string> StringValues(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => StringValues(p.Value)),
        JsonArray a => a.SelectMany(StringValues),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [GeneratedRegex("^%([^%]+)%$")]
    private static partial Regex SettingReference();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex(@":\d+$")]
    private static partial Regex TrailingIndex();
}
