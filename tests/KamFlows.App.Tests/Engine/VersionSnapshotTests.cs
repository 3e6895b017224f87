using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Engine;

/// <summary>
/// A nine-month process outlives many deployments: every registered version of every definition has
/// a stored state snapshot here (Snapshots/{Name}.v{Version}.json: a state and a command), and that
/// state must still load and advance. Registering a version without a snapshot fails this test;
/// changing a state shape so an old snapshot no longer loads fails it too.
/// </summary>
public sealed class VersionSnapshotTests(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "tests", "KamFlows.App.Tests", "Engine", "Snapshots");

    [Fact]
    public void Every_registered_version_has_a_snapshot_that_still_loads_and_advances()
    {
        var definitions = app.Services.GetRequiredService<ProcessRegistry>().All;
        Assert.NotEmpty(definitions);

        foreach (var definition in definitions)
        {
            var file = Path.Combine(Folder, $"{definition.Name}.v{definition.Version}.json");
            Assert.True(File.Exists(file), $"{definition.Name} version {definition.Version} has no snapshot at {file}: store a state of it there.");
            using var snapshot = JsonDocument.Parse(File.ReadAllText(file));
            var command = definition.ReadCommand(snapshot.RootElement.GetProperty("command"));

            var transition = definition.Decide(snapshot.RootElement.GetProperty("state").GetRawText(), new EngineInput.Command(command),
                new DecisionContext(app.Clock.GetUtcNow(), "snapshot", new Dictionary<string, IReadOnlyList<string>>()));

            Assert.Null(transition.StaleReason);
            Assert.NotEqual(snapshot.RootElement.GetProperty("state").GetRawText(), transition.StateJson);
        }
    }
}
