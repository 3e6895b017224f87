using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Deployment;

/// <summary>
/// The packaged executable started as the Functions host starts it: its own process, working directory
/// the package folder, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set; storage on the run's Azurite. Stopped
/// (killed, then waited for with a deadline) on dispose.
/// </summary>
internal sealed class PackagedHandler : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private PackagedHandler(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>What the process printed so far, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<PackagedHandler> StartAsync(string packageFolder, string executable, string storageConnectionString)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(packageFolder, executable))
        {
            WorkingDirectory = packageFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__ConnectionString"] = storageConnectionString,
                ["Storage__Prefix"] = "p" + Guid.NewGuid().ToString("N")[..12],
            },
        };
        var handler = new PackagedHandler(Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start."), port);
        handler._process.OutputDataReceived += (_, e) => handler.Remember(e.Data);
        handler._process.ErrorDataReceived += (_, e) => handler.Remember(e.Data);
        handler._process.BeginOutputReadLine();
        handler._process.BeginErrorReadLine();

        try
        {
            // Like the host: poll until the port takes connections (it restarts a handler not ready in about 30 s).
            await Eventually.ConnectsAsync(port, TimeSpan.FromSeconds(30), () => handler._process.HasExited);
        }
        catch (SocketException e)
        {
            var exited = handler._process.HasExited ? $"exited with {handler._process.ExitCode}" : "still running";
            await handler.DisposeAsync();
            throw new InvalidOperationException($"The packaged handler does not listen on port {port} within 30 s ({exited}):{Environment.NewLine}{handler.Output}", e);
        }

        return handler;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Reaped with the test process; never hang the run on it.
        }

        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is not null && _output.Count < 400)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
