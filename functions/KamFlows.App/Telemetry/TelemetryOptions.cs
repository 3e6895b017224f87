using Microsoft.Extensions.Options;

namespace KamFlows.App.Telemetry;

public enum TelemetryExporter
{
    None,
    Console,
    Otlp,
    AzureMonitor,
}

/// <summary>Where traces and metrics go: nowhere, the console, an OTLP collector, or Azure Monitor.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>For <see cref="TelemetryExporter.Otlp"/>; the exporter's default (localhost:4317) when empty.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>For <see cref="TelemetryExporter.AzureMonitor"/>; read from APPLICATIONINSIGHTS_CONNECTION_STRING.</summary>
    public string? ApplicationInsightsConnectionString { get; set; }
}

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options) =>
        options.Exporter == TelemetryExporter.AzureMonitor && string.IsNullOrWhiteSpace(options.ApplicationInsightsConnectionString)
            ? ValidateOptionsResult.Fail("Telemetry:Exporter is AzureMonitor but APPLICATIONINSIGHTS_CONNECTION_STRING is not set.")
            : ValidateOptionsResult.Success;
}
