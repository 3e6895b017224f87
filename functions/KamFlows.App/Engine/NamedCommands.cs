using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

/// <summary>
/// Sends a process a command it named itself when it decided an effect ("tell me with
/// <c>call-done</c> when the task is completed"): the command is written as JSON with the process's
/// own type discriminator and read back by its definition, so the process receives its own typed
/// command, applied once per input id, from the system.
/// </summary>
public sealed class NamedCommands(InstanceStore store, ProcessRegistry registry, IServiceProvider services)
{
    public async Task<SendOutcome> SendAsync(
        string instanceId, string inputId, string commandType, IReadOnlyDictionary<string, string?> properties, CancellationToken ct)
    {
        if (await store.LoadAsync(instanceId, ct) is not { } found)
        {
            return SendOutcome.NotFound;
        }

        var definition = registry.Get(found.Instance.Definition, found.Instance.Version);
        var json = new JsonObject { [DiscriminatorOf(definition.CommandType)] = commandType };
        foreach (var (name, value) in properties)
        {
            json[name] = value;
        }

        var command = definition.ReadCommand(System.Text.Json.JsonSerializer.SerializeToElement(json));
        return await services.GetRequiredService<ProcessEngine>().SendAsync(instanceId, inputId, new EngineInput.Command(command), Sender.System, ct);
    }

    /// <summary>The property that names a command's type: the definition's choice, else System.Text.Json's default.</summary>
    private static string DiscriminatorOf(Type commandType) =>
        commandType.GetCustomAttribute<JsonPolymorphicAttribute>()?.TypeDiscriminatorPropertyName ?? "$type";
}
