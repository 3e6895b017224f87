using System.Net.Http.Headers;
using System.Net.Http.Json;
using KamFlows.App.Security;
using KamFlows.App.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>
/// The whole app through its real HTTP pipeline, on the run's Azurite, with a storage prefix of its own
/// and a fake clock. One per test class (IClassFixture), so classes run in parallel without meeting.
/// </summary>
public class KamFlowsApp(Azurite azurite) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@kamflows.test";

    /// <summary>How the API writes JSON: web defaults, enums as names.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Set before first use to share storage with another app instance (a restart).</summary>
    public string Prefix { get; init; } = "t" + Guid.NewGuid().ToString("N")[..12];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Set before first use: starts the app as the Functions host would (trigger endpoints on, local loops off).</summary>
    public bool UnderFunctionsHost { get; init; }

    /// <summary>Set before first use: run the local timer and queue loops.</summary>
    public bool LocalTriggers { get; init; }

    /// <summary>Set before first use: more settings, e.g. to make start-up fail on purpose.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Set before first use: extra services, e.g. a work handler that records what it was given.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    public string Environment { get; init; } = "Development";

    /// <summary>Set false before first use to keep the app's own clock (the development clock, in Development).</summary>
    public bool UseFakeClock { get; init; } = true;

    public string WorkQueueName => Prefix + "work";

    public StorageClients Storage => Services.GetRequiredService<StorageClients>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:Prefix", Prefix);
        builder.UseSetting("WorkQueueName", WorkQueueName);
        builder.UseSetting("App:PublicBaseUrl", "https://kamflows.test");
        builder.UseSetting("Security:BootstrapAdmins:0", AdminEmail);
        builder.UseSetting("LocalTriggers:Enabled", LocalTriggers ? "true" : "false");
        builder.UseSetting("LocalTriggers:PollingInterval", "00:00:00.050");
        // Warnings and errors only: informational lines of dozens of in-process apps would bury a failure in CI's output.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Two warnings every in-process host prints, harmless here: TestServer has no request body limit
        // feature, and a test's Data Protection keys are not encrypted at rest. Hundreds of them hid the failures.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", "Error");
        if (UnderFunctionsHost)
        {
            builder.UseSetting("FUNCTIONS_CUSTOMHANDLER_PORT", "7999");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (UseFakeClock)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }

            ExtraServices?.Invoke(services);
        });
    }

    /// <summary>An HTTP client signed in (with a development token) as <paramref name="email"/>.</summary>
    public HttpClient ClientFor(string email)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<DevelopmentTokens>().Issue(email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AdminClient() => ClientFor(AdminEmail);

    public async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(Json, TestContext.Current.CancellationToken))!;
    }
}
