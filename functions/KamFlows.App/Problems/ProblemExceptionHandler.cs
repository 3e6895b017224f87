using System.Text.Json;
using KamFlows.App.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace KamFlows.App.Problems;

/// <summary>
/// Turns what escapes an endpoint into an RFC 9457 problem: bad input into a 4xx that says what was
/// wrong (never a 500), anything else into a 500 that says nothing about the inside.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = TitleFor(bad.StatusCode),
                Detail = DetailFor(bad),
            },
            BadInputException input => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [input.Field] = [input.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
            },
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.GetEndpoint()?.DisplayName);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side",
                Detail = "Nothing you sent was at fault. Try again; if it keeps failing, give the trace id to an administrator.",
            };
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported content type",
        _ => "Malformed request",
    };

    private static string DetailFor(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
        // The JSON reader's message names the path and the position, and never echoes values.
        _ when bad.InnerException is JsonException json => $"The body is not valid JSON for this request: {json.Message}",
        _ => bad.Message,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Endpoint}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string? endpoint);
}
