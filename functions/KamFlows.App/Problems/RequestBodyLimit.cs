using KamFlows.App.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Problems;

/// <summary>
/// JSON bodies are small. A body above the limit is refused before anything reads it: by its
/// Content-Length at once, and a chunked one by Kestrel's limit as it streams. An endpoint that takes
/// more (an upload) says so with <see cref="IRequestSizeLimitMetadata"/>, e.g. <see cref="UploadSizeLimit"/>.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<AppOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own
            ? own.MaxRequestBodySize
            : options.Value.MaxJsonBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
