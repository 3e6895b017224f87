using System.Text.Json.Nodes;
using Cronos;

namespace KamFlows.App.Hosting;

public enum TriggerKind
{
    Http,
    Timer,
    Queue,
}

/// <summary>One function as the Functions host sees it: its folder name and its trigger binding.</summary>
public sealed record FunctionDefinition(
    string Name,
    TriggerKind Kind,
    string BindingName,
    string? Route,
    string? Schedule,
    string? QueueName);

/// <summary>
/// The <c>&lt;FunctionName&gt;/function.json</c> files beside the executable, read once at start. They are
/// the one source of truth for both hosts: the Functions host reads them in Azure, and the local
/// trigger loops read the same schedules and queue names here. <c>%Setting%</c> values are resolved
/// from configuration, as the Functions host resolves them from app settings; a missing setting stops
/// the app with its name.
/// </summary>
public sealed class FunctionManifest
{
    private FunctionManifest(IReadOnlyList<FunctionDefinition> functions) => Functions = functions;

    public IReadOnlyList<FunctionDefinition> Functions { get; }

    public IEnumerable<FunctionDefinition> Triggers(TriggerKind kind) => Functions.Where(f => f.Kind == kind);

    public IEnumerable<string> QueueNames() => Triggers(TriggerKind.Queue).Select(f => f.QueueName!).Distinct(StringComparer.Ordinal);

    public FunctionDefinition Get(string name) =>
        Functions.SingleOrDefault(f => f.Name == name)
        ?? throw new InvalidOperationException($"There is no function.json for the function '{name}'.");

    public static FunctionManifest Load(string directory, IConfiguration configuration)
    {
        var functions = new List<FunctionDefinition>();
        foreach (var file in Directory.EnumerateFiles(directory, "function.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(Path.GetRelativePath(directory, file))!;
            if (folder.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue; // the host only reads <root>/<FunctionName>/function.json
            }

            functions.Add(Parse(folder, File.ReadAllText(file), configuration));
        }

        return new FunctionManifest(functions);
    }

    internal static FunctionDefinition Parse(string name, string json, IConfiguration configuration)
    {
        var root = JsonNode.Parse(json) ?? throw Invalid(name, "it is empty");
        var bindings = root["bindings"]?.AsArray() ?? throw Invalid(name, "it has no bindings");
        var trigger = bindings.SingleOrDefault(b => (string?)b?["direction"] == "in")
            ?? throw Invalid(name, "it has no input binding");
        var type = (string?)trigger["type"];
        var bindingName = (string?)trigger["name"] ?? throw Invalid(name, "its trigger has no name");
        return type switch
        {
            "httpTrigger" => new FunctionDefinition(name, TriggerKind.Http, bindingName, (string?)trigger["route"], null, null),
            "timerTrigger" => new FunctionDefinition(name, TriggerKind.Timer, bindingName, null,
                CheckSchedule(name, Resolve(name, (string?)trigger["schedule"], configuration)), null),
            "queueTrigger" => new FunctionDefinition(name, TriggerKind.Queue, bindingName, null, null,
                Resolve(name, (string?)trigger["queueName"], configuration)),
            _ => throw Invalid(name, $"its trigger type '{type}' is not one KamFlows handles"),
        };
    }

    private static string Resolve(string function, string? value, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(function, "its trigger has no schedule or queue name");
        }

        if (value.Length > 2 && value[0] == '%' && value[^1] == '%')
        {
            var setting = value[1..^1];
            return configuration[setting] is { Length: > 0 } resolved
                ? resolved
                : throw new InvalidOperationException(
                    $"The app setting '{setting}' is missing: function '{function}' needs it (function.json says {value}).");
        }

        return value;
    }

    /// <summary>Functions timers take six-field NCRONTAB ({second} {minute} {hour} {day} {month} {day-of-week}).</summary>
    private static string CheckSchedule(string function, string schedule)
    {
        try
        {
            _ = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
            return schedule;
        }
        catch (CronFormatException e)
        {
            throw Invalid(function, $"its schedule '{schedule}' is not a six-field NCRONTAB expression ({e.Message})");
        }
    }

    private static InvalidOperationException Invalid(string function, string why) =>
        new($"{function}/function.json is not valid: {why}.");
}
