using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KamFlows.App.Features.Health;

public static class HealthApi
{
    /// <summary><c>GET /</c> answers the Functions host's readiness probe at once; <c>/api/health</c> checks storage.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Text("KamFlows")).AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/api/health", new HealthCheckOptions { ResponseWriter = WriteAsync })
            .AllowAnonymous()
            .WithName("Health")
            .WithSummary("Checks that tables, blobs and queues answer. 200 when healthy, 503 when not.")
            .WithTags("Health");
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
