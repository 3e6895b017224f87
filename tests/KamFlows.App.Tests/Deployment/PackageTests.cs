using System.Net;
using System.Text.Json.Nodes;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Deployment;

/// <summary>
/// The package azd deploys (<c>dotnet publish</c>, made once by <see cref="PublishedPackage"/>) is a
/// custom handler the Functions host can run: host.json as the contract says, every function.json in
/// its place, an executable with its run bit that starts, answers and keeps the contract.
/// Category Package: slow (the publish takes about a minute) but part of the default suite.
/// </summary>
[Trait("Category", "Package")]
public sealed class PackageTests(PublishedPackage package, Azurite azurite) : IClassFixture<PublishedPackage>
{
    private JsonNode HostJson() => JsonNode.Parse(File.ReadAllText(Path.Combine(package.Folder, "host.json")))
        ?? throw new InvalidOperationException("host.json is empty");

    private string Executable() => (string?)HostJson()["customHandler"]?["description"]?["defaultExecutablePath"]
        ?? throw new InvalidOperationException("host.json has no customHandler.description.defaultExecutablePath");

    [Fact]
    public void Host_json_is_the_custom_handler_contract()
    {
        var host = HostJson(); // throws on invalid JSON

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.True(File.Exists(Path.Combine(package.Folder, Executable())), $"defaultExecutablePath '{Executable()}' is not in the package");
        Assert.True((bool?)host["customHandler"]?["enableProxyingHttpRequest"] == true, "customHandler.enableProxyingHttpRequest must be true");
        Assert.Equal("", (string?)host["extensions"]?["http"]?["routePrefix"]);
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", (string?)host["extensionBundle"]?["id"]);
        Assert.Equal("[4.*, 5.0.0)", (string?)host["extensionBundle"]?["version"]);
    }

    [Fact]
    public void Every_function_json_is_in_the_package_at_the_same_place_and_no_other()
    {
        static Dictionary<string, string> FunctionJsons(string folder) =>
            Directory.GetDirectories(folder)
                .Where(d => File.Exists(Path.Combine(d, "function.json")))
                .ToDictionary(d => Path.GetFileName(d), d => JsonNode.Parse(File.ReadAllText(Path.Combine(d, "function.json")))!.ToJsonString());

        var source = FunctionJsons(PublishedPackage.SourceFolder);
        var packaged = FunctionJsons(package.Folder);

        Assert.NotEmpty(source);
        Assert.Equal(source.Keys.Order(), packaged.Keys.Order());
        Assert.All(source, f => Assert.Equal(f.Value, packaged[f.Key]));
    }

    [Fact]
    public void The_executable_has_its_run_bit()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "The package is for Linux; Windows has no run bit to check.");
        var mode = OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(Path.Combine(package.Folder, Executable()));

        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{Executable()} has mode {mode}: the Functions host cannot start it");
    }

    [Fact]
    public async Task The_executable_starts_answers_and_keeps_the_handler_contract()
    {
        await using var handler = await PackagedHandler.StartAsync(package.Folder, Executable(), azurite.ConnectionString);
        var cancel = TestContext.Current.CancellationToken;

        var root = await handler.Client.GetAsync("/", cancel);
        var health = await handler.Client.GetAsync("/api/health", cancel);
        var contract = await HandlerContract.CheckAsync(handler.Client, package.Folder, cancel);

        Assert.True(root.StatusCode == HttpStatusCode.OK, $"GET / answered {(int)root.StatusCode}:{Environment.NewLine}{handler.Output}");
        Assert.True(health.StatusCode == HttpStatusCode.OK, $"GET /api/health answered {(int)health.StatusCode}: {await health.Content.ReadAsStringAsync(cancel)}{Environment.NewLine}{handler.Output}");
        Assert.True(contract.Failures.Count == 0, contract + Environment.NewLine + handler.Output);
        Assert.True(contract.Invocations > 0, "The package has no timer or queue function to invoke: " + contract);
    }
}
