using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>
/// The real app as a separate process (<c>dotnet functions/KamFlows.App/bin/&lt;Configuration&gt;/net10.0/KamFlows.App.dll</c>),
/// in Development, with its local timer and queue loops, on a storage prefix it is given: something a
/// test can kill like a pulled plug (or that kills itself at an injected crash) and start again.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@kamflows.local"; // the bootstrap admin of appsettings.Development.json

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process)
    {
        _process = process;
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Where the app listens: the port Kestrel chose itself (port 0), read from its start-up line.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Signed in as the bootstrap administrator once started.</summary>
    public HttpClient Client { get; }

    private bool _disposed;

    public bool HasExited => _disposed || _process.HasExited;

    public int Id => _process.Id;

    /// <summary>The line of an injected crash (Environment.FailFast's message), if it crashed so.</summary>
    public string? CrashMessage { get; private set; }

    /// <summary>The last lines the app wrote (its crash message among them).</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>The app's build output, of the same configuration as the tests (built with them: the tests reference the app).</summary>
    public static string AppDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryRoot.Find(), "functions", "KamFlows.App", "bin", configuration, "net10.0", "KamFlows.App.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
    }

    /// <summary>The settings every harness run needs: storage, its own queue, a fast sweep and poll, quiet logs.</summary>
    public static Dictionary<string, string> Settings(string connectionString, string prefix) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Storage__ConnectionString"] = connectionString,
        ["Storage__Prefix"] = prefix,
        ["WorkQueueName"] = prefix + "work",
        ["DueTimerSweepSchedule"] = "* * * * * *",
        ["LocalTriggers__PollingInterval"] = "00:00:00.050",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Error",
        ["Telemetry__Exporter"] = "None",
    };

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var dll = AppDll();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        // Port 0: Kestrel takes a port that is free when it binds. A port picked here and bound later
        // could meanwhile be taken by another test run's app, and the health check would then reach that one.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => app.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitListeningAsync(TimeSpan.FromSeconds(60), ct);
            await app.WaitHealthyAsync(TimeSpan.FromSeconds(60), ct);
            await app.SignInAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh development token for the bootstrap administrator (one from before a clock move may have expired).</summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        var token = await Client.PostAsJsonAsync("/dev/token", new { email = AdminEmail }, ct);
        token.EnsureSuccessStatusCode();
        var issued = (await token.Content.ReadFromJsonAsync<TokenAnswer>(ct))!;
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.AccessToken);
    }

    /// <summary>Waits until the process has ended (after an injected crash), at most <paramref name="deadline"/>.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan deadline)
    {
        if (_disposed)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Kills the app (SIGKILL: no graceful stop, like a crash) and waits at most 10 s for it to go.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        Client.Dispose();
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it ended meanwhile
            }

            await ExitsWithinAsync(TimeSpan.FromSeconds(10));
        }

        _disposed = true;
        _process.Dispose();
    }

    private async Task WaitListeningAsync(TimeSpan deadline, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(deadline);
        var exited = _process.WaitForExitAsync(timeout.Token);
        if (await Task.WhenAny(_listening.Task, exited) != _listening.Task)
        {
            ct.ThrowIfCancellationRequested();
            throw _process.HasExited
                ? new InvalidOperationException($"The app exited with {_process.ExitCode} before it listened:{Environment.NewLine}{Output}")
                : new TimeoutException($"The app did not say where it listens within {deadline}:{Environment.NewLine}{Output}");
        }

        BaseAddress = await _listening.Task;
        Client.BaseAddress = BaseAddress;
    }

    private async Task WaitHealthyAsync(TimeSpan deadline, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} before it was healthy:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/api/health", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"The app was not healthy within {deadline}:{Environment.NewLine}{Output}");
            }

            await Task.Delay(50, ct);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (ListeningLine().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups["address"].Value));
        }

        if (line.Contains("crash injected at", StringComparison.Ordinal))
        {
            CrashMessage = line;
        }

        _output.Enqueue(line);
        while (_output.Count > 100)
        {
            _output.TryDequeue(out _);
        }
    }

    private sealed record TokenAnswer(string AccessToken);

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}
