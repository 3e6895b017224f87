using System.Text.Json;

namespace KamFlows.App.Hosting;

/// <summary>
/// <c>POST /{FunctionName}</c> for every timer and queue function: how the Functions host delivers
/// non-HTTP triggers to a custom handler. Mapped only when the host started us, so nothing outside
/// can reach them (no HTTP function's route can match these paths; a test checks it).
/// </summary>
internal static partial class TriggerEndpoints
{
    public static IEndpointRouteBuilder MapTriggerEndpoints(this IEndpointRouteBuilder app)
    {
        var manifest = app.ServiceProvider.GetRequiredService<FunctionManifest>();
        foreach (var function in manifest.Triggers(TriggerKind.Timer).Concat(manifest.Triggers(TriggerKind.Queue)))
        {
            var f = function;
            app.MapPost("/" + f.Name, (HttpContext context, CancellationToken ct) => InvokeAsync(context, f, ct))
                .WithName("Trigger" + f.Name)
                .WithMetadata(new TriggerEndpointMetadata(f.Name))
                .ExcludeFromDescription()
                .AllowAnonymous(); // the host sends no token; only the host can reach this port's trigger paths
        }

        return app;
    }

    private static async Task<IResult> InvokeAsync(HttpContext context, FunctionDefinition function, CancellationToken ct)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("KamFlows.Triggers");
        var invocationId = context.Request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault() ?? Guid.NewGuid().ToString();
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: ct);
            if (function.Kind == TriggerKind.Timer)
            {
                var invocation = InvocationPayload.ReadTimer(document.RootElement, function, invocationId);
                await services.GetRequiredService<TriggerFunctions>().Timer(function.Name).RunAsync(invocation, ct);
            }
            else
            {
                var invocation = InvocationPayload.ReadQueue(document.RootElement, function, invocationId);
                await services.GetRequiredService<TriggerFunctions>().Queue(function.Name).RunAsync(invocation, ct);
            }

            return Answer(StatusCodes.Status200OK, $"{function.Name} done");
        }
        catch (Exception e) when (e is JsonException or InvalidInvocationException or MalformedQueueMessageException)
        {
            LogRejected(logger, function.Name, invocationId, e.Message);
            // Non-2xx fails the invocation: a queue message is retried, then kept in <queue>-poison.
            return Answer(StatusCodes.Status422UnprocessableEntity, $"{function.Name} rejected the invocation: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, function.Name, invocationId);
            return Answer(StatusCodes.Status500InternalServerError, $"{function.Name} failed: {e.GetType().Name}");
        }
    }

    /// <summary>The custom-handler answer: <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": ...}</c>.</summary>
    private static IResult Answer(int status, string log) =>
        Results.Json(new InvocationAnswer(new Dictionary<string, object?>(), [log], null), statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} rejected invocation {InvocationId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string function, string invocationId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed in invocation {InvocationId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string invocationId);
}

internal sealed record InvocationAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("Outputs")] IDictionary<string, object?> Outputs,
    [property: System.Text.Json.Serialization.JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: System.Text.Json.Serialization.JsonPropertyName("ReturnValue")] object? ReturnValue);

/// <summary>Marks a trigger endpoint, so tests and the anonymous-route check can find them.</summary>
public sealed record TriggerEndpointMetadata(string FunctionName);
