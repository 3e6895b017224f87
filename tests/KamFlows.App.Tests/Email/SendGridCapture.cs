using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace KamFlows.App.Tests.Email;

/// <summary>
/// A local HTTP server standing in for SendGrid: the real SDK, pointed at it with
/// <c>SendGridClientOptions.Host</c>, posts its v3 <c>mail/send</c> requests here; each is kept
/// (path, authorization, JSON body) and answered 202 as SendGrid does.
/// </summary>
public sealed class SendGridCapture : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public SendGridCapture()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public sealed record Request(string Method, string Path, string? Authorization, JsonElement Body);

    public int Port { get; }

    public string Host => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>The mail/send bodies sent to <paramref name="address"/>.</summary>
    public IReadOnlyList<JsonElement> MailTo(string address) => Requests
        .Where(r => r.Path == "/v3/mail/send")
        .Select(r => r.Body)
        .Where(b => b.GetProperty("personalizations").EnumerateArray().Any(p => p.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("email").GetString() == address)))
        .ToList();

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var text = await reader.ReadToEndAsync();
            using var json = JsonDocument.Parse(text.Length == 0 ? "null" : text);
            Requests.Enqueue(new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], json.RootElement.Clone()));
            context.Response.StatusCode = 202;
            context.Response.Headers["X-Message-Id"] = Guid.NewGuid().ToString("N");
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
