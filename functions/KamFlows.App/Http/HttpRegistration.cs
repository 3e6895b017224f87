using System.Text.Json.Serialization;
using KamFlows.App.Problems;
using Microsoft.AspNetCore.Http.Json;
using KamFlows.App.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.Extensions.Hosting;

internal static class HttpRegistration
{
    /// <summary>JSON, problems, validation and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddKamFlowsHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // A misspelt field is an error, not silently dropped data.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // A number is a JSON number: "5" for a discount is a client bug worth telling.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Bad input throws, so ProblemExceptionHandler can say exactly what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? c.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityScheme>());
        return builder;
    }
}
