using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Tasks;

namespace KamFlows.App.Tests.Email;

/// <summary>
/// The app sending through the real SendGrid SDK to a <see cref="SendGridCapture"/>, with an Event
/// Webhook key pair made here (ECDSA P-256): the public half configured, the private half to sign
/// test events. Attachments are limited to 2 KB so a "large" document is small to upload.
/// </summary>
public class MailApp : TasksApp
{
    public const string ApiKey = "SG.test-key";
    public const int AttachmentLimit = 2048;

    public MailApp(Azurite azurite)
        : base(azurite)
    {
        Settings["SendGrid:ApiKey"] = ApiKey;
        Settings["SendGrid:Host"] = Capture.Host;
        Settings["SendGrid:WebhookPublicKey"] = Convert.ToBase64String(WebhookKey.ExportSubjectPublicKeyInfo());
        Settings["Email:FromAddress"] = "kamflows@company.test";
        Settings["Email:MaxAttachmentBytes"] = AttachmentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public SendGridCapture Capture { get; } = new();

    /// <summary>Signs test events as SendGrid would.</summary>
    public ECDsa WebhookKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>Posts SendGrid events to the webhook, signed as SendGrid would (or by <paramref name="signer"/>, to forge them).</summary>
    public async Task<HttpResponseMessage> PostEventsAsync(string body, ECDsa? signer = null)
    {
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = (signer ?? WebhookKey).SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/sendgrid") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature));
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        return await CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Capture.Dispose();
        WebhookKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
