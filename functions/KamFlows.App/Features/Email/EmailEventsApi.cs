using System.Text;
using System.Text.Json;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using Microsoft.Extensions.Options;
using SendGrid.Helpers.EventWebhook;

namespace KamFlows.App.Features.Email;

/// <summary>
/// SendGrid's signed Event Webhook: anonymous, answered only when the ECDSA signature over timestamp
/// and body verifies with the configured key (SendGrid's own validator). A bounce, a drop or a spam
/// report marks the address bounced on the user or contact it was sent to (when it still is their
/// address) and tells the process that sent the email, once per email. Other events are accepted
/// and ignored. Every event is acknowledged (SendGrid retries what is not), so one that names an
/// unknown recipient or process changes nothing and is not retried.
/// </summary>
public static partial class EmailEventsApi
{
    /// <summary>SendGrid posts events in batches of up to about 768 KB: above the API's JSON limit, so the route says so.</summary>
    private const int MaxBodyBytes = 2 * 1024 * 1024;
    private static readonly string[] Problems = ["bounce", "dropped", "spamreport"];

    public static IEndpointRouteBuilder MapEmailEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/webhooks/sendgrid", Receive).AllowAnonymous().WithMetadata(new UploadSizeLimit(MaxBodyBytes)).WithTags("Email").WithName("ReceiveSendGridEvents")
            .WithSummary("SendGrid's signed Event Webhook (anonymous; the signature is checked): bounces, drops and spam reports.");
        return app;
    }

    private static async Task<Results<Ok, ProblemHttpResult>> Receive(
        HttpRequest request, IOptions<SendGridOptions> options, UserDirectory users, ContactStore contacts, EmailProblems problems,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(EmailEventsApi));
        if (string.IsNullOrWhiteSpace(options.Value.WebhookPublicKey))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Webhook not configured",
                detail: "SendGrid:WebhookPublicKey is not set, so no event can be verified.");
        }

        if (await ReadBodyAsync(request, ct) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"An event post is at most {MaxBodyBytes} bytes.");
        }

        var signature = request.Headers[RequestValidator.SIGNATURE_HEADER].ToString();
        var timestamp = request.Headers[RequestValidator.TIMESTAMP_HEADER].ToString();
        if (signature.Length == 0 || timestamp.Length == 0 || !Verifies(options.Value.WebhookPublicKey, body, signature, timestamp))
        {
            LogRefused(logger);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Signature does not verify",
                detail: "The event post is not signed by SendGrid's Event Webhook key.");
        }

        List<JsonElement> events;
        try
        {
            using var json = JsonDocument.Parse(body);
            events = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList() : [];
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not SendGrid events", detail: "The body is not a JSON array of events.");
        }

        foreach (var e in events)
        {
            if (Text(e, "event") is not { } kind || !Problems.Contains(kind) || Text(e, EmailTags.Key) is not { } key)
            {
                continue;
            }

            var at = e.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : clock.GetUtcNow();
            var address = Text(e, "email") ?? "";
            switch ((Text(e, EmailTags.Recipient) ?? "").Split(':'))
            {
                case ["user", var userId]:
                    await users.MarkEmailBouncedAsync(userId, address, at, ct);
                    break;
                case ["contact", var accountId, var contactId]:
                    await contacts.MarkEmailBouncedAsync(accountId, contactId, address, at, ct);
                    break;
            }

            LogProblem(logger, kind, key);
            await problems.ReportAsync(key, Text(e, EmailTags.Process), Text(e, EmailTags.BounceEvent), kind, ct);
        }

        return TypedResults.Ok();
    }

    private static bool Verifies(string publicKey, string body, string signature, string timestamp)
    {
        try
        {
            var validator = new RequestValidator();
            return validator.VerifySignature(validator.ConvertPublicKeyToECDSA(publicKey.Trim()), body, signature, timestamp);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false; // not a signature at all: the validator's parser throws what it throws
        }
    }

    /// <summary>The raw body as sent (the signature covers its exact bytes), or null when it is larger than any event post.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a SendGrid event post whose signature does not verify")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "SendGrid reported {Event} for email {Key}")]
    private static partial void LogProblem(ILogger logger, string @event, string key);
}
