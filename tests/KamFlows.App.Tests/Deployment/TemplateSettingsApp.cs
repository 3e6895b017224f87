using KamFlows.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace KamFlows.App.Tests.Deployment;

/// <summary>
/// The app in Production configured as in Azure and nothing else: the package's appsettings.json plus
/// the given app settings (names as in the template, <c>__</c> for sections). No environment variables,
/// no user secrets, none of the test defaults of <see cref="KamFlowsApp"/>.
/// </summary>
internal sealed class TemplateSettingsApp(IReadOnlyDictionary<string, string> appSettings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = appSettings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value);
        builder.UseEnvironment("Production");

        // What Program.cs reads while building (the Functions host's port, the telemetry exporter)
        // comes from these, which apply that early ...
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // ... and the configuration the built app sees is exactly the package's appsettings.json and the settings.
        builder.ConfigureAppConfiguration((_, config) =>
        {
            config.Sources.Clear();
            config.AddJsonFile(Path.Combine(RepositoryRoot.Find(), "functions", "KamFlows.App", "appsettings.json"), optional: false);
            config.AddInMemoryCollection(settings);
        });
    }
}
