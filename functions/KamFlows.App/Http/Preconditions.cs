using Azure;
using Microsoft.Net.Http.Headers;

namespace KamFlows.App.Http;

/// <summary>
/// <c>If-Match</c> on updates: without it the answer is 428 (a client that never read cannot
/// overwrite), with a stale one 412 (someone changed it since).
/// </summary>
public static class Preconditions
{
    /// <summary>
    /// Table Storage ETags are weak (<c>W/"datetime'…'"</c>), but If-Match compares strongly and HTTP
    /// clients drop the <c>W/</c>. So the API shows the ETag without it and puts it back here.
    /// </summary>
    public static bool TryGetIfMatch(HttpRequest request, out ETag etag)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.Length < 3 || header == "*" || header.Contains(',', StringComparison.Ordinal))
        {
            etag = default;
            return false;
        }

        etag = new ETag(header.StartsWith("W/", StringComparison.Ordinal) ? header : "W/" + header);
        return true;
    }

    public static ProblemHttpResult IfMatchRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "If-Match required",
        detail: "Send the ETag you read in an If-Match header, so an update never overwrites a change you have not seen.");

    public static ProblemHttpResult Stale() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Changed since you read it",
        detail: "Someone changed this since you read it. Read it again, then repeat your change.");

    public static void SetETag(HttpResponse response, ETag etag)
    {
        var value = etag.ToString();
        response.Headers.ETag = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
    }
}
