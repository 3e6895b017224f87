using Microsoft.AspNetCore.Http.Metadata;

namespace KamFlows.App.Http;

/// <summary>
/// Endpoint metadata: this endpoint takes a body of up to <see cref="MaxRequestBodySize"/> bytes
/// instead of the JSON limit (uploads). <c>Problems/RequestBodyLimit</c> honours it, as Kestrel does.
/// </summary>
public sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
