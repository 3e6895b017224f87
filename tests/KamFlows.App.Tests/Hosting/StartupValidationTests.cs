using KamFlows.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Hosting;

/// <summary>A wrong setting stops the app at start with a message naming the setting, never at the first request.</summary>
public sealed class StartupValidationTests(Azurite azurite)
{
    private Exception StartFails(Dictionary<string, string?> settings, string environment = "Development")
    {
        using var app = new KamFlowsApp(azurite) { Settings = settings, Environment = environment };
        return Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<EndpointDataSource>());
    }

    [Theory]
    [InlineData("App:PublicBaseUrl", "", "App:PublicBaseUrl")]
    [InlineData("App:PublicBaseUrl", "not a url", "App:PublicBaseUrl")]
    [InlineData("Storage:Prefix", "Bad_Prefix", "Storage:Prefix")]
    [InlineData("Security:BootstrapAdmins:0", "not-an-email", "Security:BootstrapAdmins")]
    [InlineData("DueTimerSweepSchedule", "*/5 * * * *", "DueTimerSweep")]
    [InlineData("DueTimerSweepSchedule", "", "DueTimerSweepSchedule")]
    [InlineData("Telemetry:Exporter", "AzureMonitor", "APPLICATIONINSIGHTS_CONNECTION_STRING")]
    [InlineData("LocalTriggers:MaxDequeueCount", "0", "MaxDequeueCount")]
    [InlineData("Links:Key", "c2hvcnQ=", "Links:Key")]
    [InlineData("Links:Lifetime", "00:10:00", "Lifetime")]
    [InlineData("SendGrid:WebhookPublicKey", "not a key", "SendGrid:WebhookPublicKey")]
    [InlineData("Email:MaxAttachmentBytes", "-1", "Email:MaxAttachmentBytes")]
    public void A_wrong_setting_stops_the_app_naming_it(string key, string value, string named)
    {
        var e = StartFails(new() { [key] = value });

        Assert.Contains(named, Flatten(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_entra_id_settings_are_required()
    {
        var e = StartFails(new() { ["Telemetry:Exporter"] = "Console" }, environment: "Production");

        Assert.Contains("AzureAd:ClientId", Flatten(e), StringComparison.Ordinal);
        Assert.Contains("AzureAd:TenantId", Flatten(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_a_link_key_is_required()
    {
        var e = StartFails(new()
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
            ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
            ["Telemetry:Exporter"] = "Console",
        }, environment: "Production");

        Assert.Contains("Links:Key", Flatten(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_an_exporter_for_telemetry_is_required()
    {
        var e = StartFails(new()
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
            ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
        }, environment: "Production");

        Assert.Contains("Telemetry:Exporter", Flatten(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_a_sendgrid_key_and_a_sender_are_required()
    {
        var withoutKey = StartFails(new() { ["Telemetry:Exporter"] = "Console" }, environment: "Production");
        var withoutSender = StartFails(new() { ["Telemetry:Exporter"] = "Console", ["SendGrid:ApiKey"] = "SG.key" }, environment: "Production");

        Assert.Contains("SendGrid:ApiKey", Flatten(withoutKey), StringComparison.Ordinal);
        Assert.Contains("Email:FromAddress", Flatten(withoutSender), StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_there_are_no_development_routes()
    {
        using var app = new KamFlowsApp(azurite)
        {
            Environment = "Production",
            Settings = new Dictionary<string, string?>()
            {
                ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
                ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
                ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
                ["Telemetry:Exporter"] = "Console",
                ["Links:Key"] = Convert.ToBase64String(new byte[32]),
                ["SendGrid:ApiKey"] = "SG.production-key",
                ["Email:FromAddress"] = "kamflows@company.test",
            },
        };

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToList();

        Assert.Contains("/api/health", routes);
        Assert.DoesNotContain(routes, r => r.StartsWith("/dev/", StringComparison.Ordinal) || r.StartsWith("/openapi", StringComparison.Ordinal) || r.StartsWith("/scalar", StringComparison.Ordinal));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
