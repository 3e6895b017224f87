using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Deployment;

/// <summary>
/// The deployment package, made once per test run exactly as azd makes it: <c>dotnet publish
/// functions/KamFlows.App -c Release</c> (linux-x64, self-contained, ReadyToRun: see the project
/// file) into a temporary folder, removed at the end. Takes about a minute.
/// </summary>
public sealed class PublishedPackage : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("kamflows-package-").FullName;

    public static string SourceFolder { get; } = Path.Combine(RepositoryRoot.Find(), "functions", "KamFlows.App");

    public async ValueTask InitializeAsync()
    {
        var publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", SourceFolder, "-c", "Release", "-o", Folder, "--nologo", "--disable-build-servers"],
            RepositoryRoot.Find(),
            TimeSpan.FromMinutes(10),
            start =>
            {
                // `dotnet test` may leave MSBuild's variables to its children; the publish must be a plain one.
                foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    start.Environment.Remove(name);
                }
            });
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish functions/KamFlows.App failed ({publish.ExitCode}):{Environment.NewLine}{publish.Output}{publish.Errors}");
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; never fail the run on it.
        }

        return ValueTask.CompletedTask;
    }
}
