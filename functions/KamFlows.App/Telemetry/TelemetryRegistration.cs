using Azure.Monitor.OpenTelemetry.Exporter;
using KamFlows.App.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

internal static class TelemetryRegistration
{
    public static IHostApplicationBuilder AddKamFlowsTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.Section)
            .Configure<IConfiguration>((o, c) => o.ApplicationInsightsConnectionString ??= c["APPLICATIONINSIGHTS_CONNECTION_STRING"])
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        builder.Services.AddSingleton<KamFlows.App.KamFlowsMetrics>();

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Exporter == TelemetryExporter.None)
        {
            // In Azure the alerts watch our metrics: an app that sends none would leave the operator blind.
            return builder.Environment.IsDevelopment()
                ? builder
                : throw new OptionsValidationException(TelemetryOptions.Section, typeof(TelemetryOptions),
                    ["Telemetry:Exporter must be set outside Development (AzureMonitor in Azure; Console or Otlp elsewhere)."]);
        }

        var connectionString = options.ApplicationInsightsConnectionString ?? builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var invalid = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions
        {
            Exporter = options.Exporter,
            ApplicationInsightsConnectionString = connectionString,
        });
        if (invalid.Failed)
        {
            // The exporters check their own settings as they are built, with messages that name no setting: say ours first.
            throw new OptionsValidationException(TelemetryOptions.Section, typeof(TelemetryOptions), invalid.Failures);
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("kamflows"))
            .WithTracing(t =>
            {
                t.AddSource(KamFlows.App.KamFlowsMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                _ = options.Exporter switch
                {
                    TelemetryExporter.Console => t.AddConsoleExporter(),
                    TelemetryExporter.Otlp => t.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint ?? o.Endpoint),
                    _ => t.AddAzureMonitorTraceExporter(o => o.ConnectionString = connectionString),
                };
            })
            .WithMetrics(m =>
            {
                m.AddMeter(KamFlows.App.KamFlowsMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                _ = options.Exporter switch
                {
                    TelemetryExporter.Console => m.AddConsoleExporter(),
                    TelemetryExporter.Otlp => m.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint ?? o.Endpoint),
                    _ => m.AddAzureMonitorMetricExporter(o => o.ConnectionString = connectionString),
                };
            });
        return builder;
    }
}
