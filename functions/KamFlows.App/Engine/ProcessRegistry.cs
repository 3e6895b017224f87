using System.Security.Cryptography;
using System.Text;
using KamFlows.Domain.Processes;

namespace KamFlows.App.Engine;

/// <summary>
/// Every process definition the app knows, every version: an instance stays on the version that
/// started it, so old versions stay registered as long as instances may run on them.
/// </summary>
public sealed class ProcessRegistry
{
    private readonly Dictionary<(string, int), IProcessDefinition> _all;
    private readonly Dictionary<string, IProcessDefinition> _latest;

    public ProcessRegistry(IEnumerable<IProcessDefinition> definitions)
    {
        var list = definitions.ToList();
        var twice = list.GroupBy(d => (d.Name, d.Version)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidOperationException($"Process {twice.Key.Name} version {twice.Key.Version} is registered twice.");
        }

        _all = list.ToDictionary(d => (d.Name, d.Version));
        _latest = list.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!);
    }

    public IReadOnlyCollection<IProcessDefinition> All => _all.Values;

    public IProcessDefinition? Latest(string name) => _latest.GetValueOrDefault(name);

    public IProcessDefinition Get(string name, int version) =>
        _all.TryGetValue((name, version), out var d)
            ? d
            : throw new InvalidOperationException($"Process {name} version {version} is not registered; an instance runs on it.");
}

/// <summary>
/// An instance's id follows from its definition and business key, so starting twice (a retried
/// request, a second timer firing) finds the same partition and starts nothing new.
/// </summary>
public static class InstanceIds
{
    public static string For(string definition, string businessKey) =>
        $"{definition.ToLowerInvariant()}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definition + "\n" + businessKey)))[..24]}";
}
